package io.eventplatform.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import io.eventplatform.local.LocalPlatform;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' console in a real browser (Debian's headless Chromium), against the platform as {@code ./run.sh}
 * starts it, signed in through the gateway's login page like a person: what the console issue asks an operator and a
 * viewer to be able to do. Each page is kept as a screenshot under {@code target/screenshots/}.
 */
@ExtendWith(Platform.class)
@Order(60)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleEndToEndTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	static LocalPlatform platform;

	static String token;

	static Browser operator;

	@BeforeAll
	static void signInAsOperator() {
		platform = Platform.get();
		token = Platform.token("demo-client", "demo-secret");
		operator = Browser.open();
		operator.get(console("/"));
		// Not signed in: the console sends the browser to the gateway's login page, and back after it.
		operator.signIn("operator", "operator-password");
		operator.find("[data-test=person]");
	}

	@AfterAll
	static void closeBrowser() {
		if (operator != null) {
			operator.close();
		}
	}

	@Test
	@Order(1)
	void showsEveryPartReadyAndTheBrokersPartitionsOfEachTopic() throws Exception {
		operator.get(console("/"));

		assertThat(operator.find("[data-test=person]").getText()).isEqualTo("operator");
		assertThat(operator.find("[data-test=role]").getText()).isEqualTo("operator");
		operator.waitUntil(() -> operator.findAll("[data-test=parts] [data-part]").size() >= 7);
		operator.waitUntil(() -> operator.findAll("[data-test=parts] [data-test=part-status]")
			.stream()
			.allMatch(status -> status.getText().equals("UP")));
		Map<TopicPartition, Long> ends = endOffsets("users.registered");
		WebElement topic = operator.find("[data-test=topic][data-topic='users.registered']");
		assertThat(topic.findElements(org.openqa.selenium.By.cssSelector("[data-test=topic-partitions] [data-partition]")))
			.hasSize(ends.size());
		assertThat(operator.findAll("[data-test=brokers] [data-broker]")).hasSize(1);
		operator.screenshot("overview");
	}

	@Test
	@Order(2)
	void showsAGroupsLagRiseWhileItsServiceIsStoppedAndFallAfterItRestarts() throws Exception {
		String group = "notification-service";
		// Nothing pending before its service stops, and a commit on the topic (a group that never committed and has
		// no members shows no topic, in the console as in Kafka's own tools)
		register("warm+" + UUID.randomUUID() + "@example.com");
		awaitGroupCaughtUp(group, "users.registered");
		platform.stopPart("notification-service");
		try {
			for (int i = 0; i < 5; i++) {
				register("lag+" + UUID.randomUUID() + "@example.com");
			}
			operator.get(console("/groups/" + group));
			await("lag of " + group + " on the page").atMost(PATIENCE).untilAsserted(() -> {
				operator.get(console("/groups/" + group));
				assertThat(totalLag()).isGreaterThanOrEqualTo(5);
			});
			operator.screenshot("consumer-group-lagging");
		}
		finally {
			platform.startPart("notification-service");
		}
		await("lag of " + group + " back to 0 on the page").atMost(PATIENCE).untilAsserted(() -> {
			operator.get(console("/groups/" + group));
			assertThat(totalLag()).isZero();
		});
		operator.screenshot("consumer-group");
	}

	@Test
	@Order(3)
	void showsAMailThatCouldNotGoOutWithItsCauseAndRedrivesItOnceTheCauseIsFixed() throws Exception {
		// Given: the mailbox of a new user refuses mail for good, so the welcome mail cannot go out
		String email = "refused+" + UUID.randomUUID() + "@example.com";
		mailApi("POST", "/refusals?address=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
		String userId = register(email);

		// Then: its event is in the dead-letter view, with the cause
		String deadLetters = "/dead-letters/users.registered-dlt";
		await("the registration of " + userId + " among the dead letters").atMost(PATIENCE).untilAsserted(() -> {
			operator.get(console(deadLetters));
			assertThat(deadLetter(userId)).isNotNull();
		});
		WebElement letter = deadLetter(userId);
		assertThat(letter.findElement(org.openqa.selenium.By.cssSelector("[data-test=exception]")).getText())
			.contains("MessagePermanentlyRefusedException");
		assertThat(letter.findElement(org.openqa.selenium.By.cssSelector("[data-test=original-topic]")).getText())
			.isEqualTo("users.registered");
		operator.screenshot("dead-letters");

		// When: the mailbox is fixed and the operator redrives that record
		mailApi("DELETE", "/refusals?address=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
		letter.findElement(org.openqa.selenium.By.cssSelector("[data-test=select]")).click();
		operator.find("[data-test=redrive-selected]").click();

		// Then: the welcome mail goes out, once, and the record shows who redrove it
		await("the welcome mail to " + email).atMost(PATIENCE).until(() -> mailsTo(email) == 1);
		operator.get(console(deadLetters));
		assertThat(deadLetter(userId).findElement(org.openqa.selenium.By.cssSelector("[data-test=status]")).getText())
			.contains("by operator");
		operator.get(console("/audit"));
		assertThat(operator.find("[data-test=audit-entry]").getText()).contains("operator").contains("users.registered-dlt");
		operator.screenshot("audit-log");

		// And a second delivery of the same event (as a second redrive would make) has no second effect: the consumer
		// reads it, recognises the event id and sends nothing
		redeliverTheLatestRecordOf(userId);
		awaitGroupCaughtUp("notification-service", "users.registered");
		assertThat(mailsTo(email)).isEqualTo(1);
	}

	@Test
	@Order(4)
	void rewindsAGroupThroughItsServiceAfterAPreviewWithNoSecondEffect() throws Exception {
		// Given
		String group = "notification-service";
		awaitGroupCaughtUp(group, "users.registered");
		int mailsBefore = Platform.json.readTree(mailApi("GET", "/messages").body()).size();

		// When: the operator previews a rewind to the earliest offsets, then confirms it
		operator.get(console("/groups/" + group));
		operator.find("[data-test=rewind-preview]").click();
		operator.find("[data-test=rewind-changes]");
		assertThat(operator.findAll("[data-test=rewind-changes] [data-test=new]")).isNotEmpty()
			.allSatisfy(offset -> assertThat(offset.getText()).isEqualTo("0"));
		operator.screenshot("rewind-preview");
		operator.find("[data-test=rewind-confirm]").click();

		// Then: notification-service set its offsets back to 0 (its replay API answered, with its listeners paused and
		// resumed), reads users.registered again up to the end, recognises every event id, and sends nothing twice
		assertThat(operator.find("[data-test=notice]").getText()).contains("Rewound " + group);
		awaitGroupCaughtUp(group, "users.registered");
		assertThat(Platform.json.readTree(mailApi("GET", "/messages").body()).size()).isEqualTo(mailsBefore);
		operator.get(console("/audit"));
		assertThat(operator.find("[data-test=audit-entry]").getText()).contains("operator").contains(group);
	}

	@Test
	@Order(5)
	void judgesTheNextTransactionByAFraudThresholdChangedInTheConsole() throws Exception {
		String account = "ACC-CON-" + UUID.randomUUID().toString().substring(0, 8);
		try {
			// Given: 600 EUR is below the configured threshold (10000)
			operator.get(console("/fraud-rules"));
			WebElement largeAmount = operator.find("[data-test=fraud-rules] [name=largeAmount]");
			largeAmount.clear();
			largeAmount.sendKeys("500");
			operator.find("[data-test=save-rules]").click();
			await("the new threshold on the page").atMost(PATIENCE).untilAsserted(() -> {
				operator.get(console("/fraud-rules"));
				assertThat(operator.find("[data-test=fraud-rules] [name=largeAmount]").getAttribute("value"))
					.isIn("500", "500.00");
			});
			operator.screenshot("fraud-rules");

			// When: with the live page open
			operator.get(console("/live"));
			operator.find("[data-test=fraud-alerts]");
			transaction(account, "600");

			// Then: the alert is pushed to the open page (Server-Sent Events through the gateway), and in the query
			String pushed = "[data-test=fraud-alert][data-account='" + account + "']";
			await("the alert for " + account + " pushed to the live page").atMost(PATIENCE)
				.until(() -> operator.has(pushed));
			assertThat(operator.find(pushed).getAttribute("data-rule")).isEqualTo("amount-above-threshold");
			assertThat(operator.find(pushed + " [data-test=alert-amount]").getText()).contains("600");
			operator.screenshot("live");
			await("a fraud alert for " + account).atMost(PATIENCE).untilAsserted(() -> {
				HttpResponse<String> alerts = Platform.get("/api/analytics/alerts/fraud", token);
				assertThat(alerts.statusCode()).isEqualTo(200);
				boolean raised = false;
				for (JsonNode alert : Platform.json.readTree(alerts.body()).get("alerts")) {
					raised |= alert.get("alert").get("accountId").asString().equals(account)
							&& alert.get("alert").get("rule").asString().equals("amount-above-threshold");
				}
				assertThat(raised).isTrue();
			});
		}
		finally {
			// The other tests expect the configured rules
			operator.get(console("/fraud-rules"));
			WebElement largeAmount = operator.find("[data-test=fraud-rules] [name=largeAmount]");
			largeAmount.clear();
			largeAmount.sendKeys("10000");
			operator.find("[data-test=save-rules]").click();
		}
	}

	@Test
	@Order(6)
	void showsAViewerMaskedEmailAddressesAndNoOperatorButtons() throws Exception {
		String email = "viewer-check+" + UUID.randomUUID() + "@example.com";
		Instant before = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
		String userId = register(email);
		// The topic holds every test's registrations: read from a minute ago, that user's record only
		String messages = "/messages?topic=users.registered&fromTime=" + before + "&key=" + userId;
		try (Browser viewer = Browser.open()) {
			viewer.get(console("/"));
			viewer.signIn("viewer", "viewer-password");
			assertThat(viewer.find("[data-test=role]").getText()).isEqualTo("viewer");

			await("the registration on the messages page").atMost(PATIENCE).untilAsserted(() -> {
				viewer.get(console(messages));
				viewer.find("[data-test=masked-note]");
				assertThat(viewer.text()).contains(userId).contains("v***@example.com");
			});
			assertThat(viewer.text()).doesNotContain(email).doesNotContain("viewer-check").doesNotContain("Console Check");
			viewer.screenshot("messages-viewer");

			viewer.get(console("/dead-letters/users.registered-dlt"));
			assertThat(viewer.has("[data-test=redrive-all]")).isFalse();
			assertThat(viewer.has("[data-test=redrive-selected]")).isFalse();
			assertThat(viewer.has("[data-test=select]")).isFalse();
			viewer.get(console("/fraud-rules"));
			assertThat(viewer.has("[data-test=save-rules]")).isFalse();
		}
		operator.get(console(messages));
		assertThat(operator.text()).contains(email).contains("Console Check");
		operator.screenshot("messages");
	}

	@Test
	@Order(7)
	void showsTheBusiestRoutesWithTheirChartAndTheLatencyOfEventsFromPrometheus() throws Exception {
		// The registrations of this class went through the gateway: their route is among the busiest
		register("web+" + UUID.randomUUID() + "@example.com");
		String route = "[data-test=route-row][data-route='POST /api/users/**']";
		await("the registrations' route on the web traffic page").atMost(PATIENCE).untilAsserted(() -> {
			operator.get(console("/web"));
			assertThat(operator.has(route)).isTrue();
		});
		assertThat(Long.parseLong(operator.find(route + " [data-test=calls]").getText().replace(",", "")))
			.isPositive();
		operator.find(route + " [data-test=route-link]").click();
		operator.find("[data-test=route-chart-plot] canvas");
		operator.screenshot("web-traffic");

		if (platform.settings().monitoring().enabled()) {
			// notification-service reads users.registered: the time from each registration to its listener
			String latency = "[data-test=end-to-end] [data-topic='users.registered'] [data-test=p99]";
			await("the end-to-end latency of users.registered from Prometheus").atMost(PATIENCE).untilAsserted(() -> {
				operator.get(console("/metrics"));
				assertThat(operator.has(latency)).isTrue();
				assertThat(operator.find(latency).getText()).isNotBlank();
			});
			operator.screenshot("metrics");
		}
	}

	private static String console(String path) {
		// The loopback address, as the start-up summary prints it: the authorisation server takes any port there.
		return "http://127.0.0.1:" + platform.settings().gatewayPort() + "/console" + path;
	}

	private static WebElement deadLetter(String key) {
		return operator.findAll("[data-test=dead-letter]")
			.stream()
			.filter(row -> row.findElement(org.openqa.selenium.By.cssSelector("[data-test=key]")).getText().equals(key))
			.findFirst()
			.orElse(null);
	}

	private static long totalLag() {
		return operator.findAll("[data-test=group-partitions] [data-test=lag]")
			.stream()
			.map(WebElement::getText)
			.filter(text -> !text.isBlank())
			.mapToLong(Long::parseLong)
			.sum();
	}

	private static String register(String email) {
		HttpResponse<String> created = Platform.post("/api/users", """
				{"email":"%s","displayName":"Console Check","country":"DE","marketingConsent":false}"""
			.formatted(email), UUID.randomUUID().toString(), token);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Platform.json.readTree(created.body()).get("id").asString();
	}

	private static void transaction(String account, String amount) {
		String body = """
				{"accountId":"%s","amount":"%s","currency":"EUR","direction":"DEBIT","merchant":"Shop",
				 "merchantCountry":"DE","occurredAt":"%s"}""".formatted(account, amount,
				Instant.now().truncatedTo(ChronoUnit.SECONDS));
		HttpResponse<String> created = Platform.post("/api/transactions", body, UUID.randomUUID().toString(), token);
		assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
	}

	private static HttpResponse<String> mailApi(String method, String pathAndQuery) {
		HttpResponse<String> response = Platform.send(HttpRequest.newBuilder(URI.create(platform.mailApiUrl() + pathAndQuery))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).isLessThan(300);
		return response;
	}

	private static int mailsTo(String email) {
		return Platform.json
			.readTree(mailApi("GET", "/messages?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).body())
			.size();
	}

	/** Sends the record the redrive wrote once more, key, headers and bytes as they are. */
	private static void redeliverTheLatestRecordOf(String key) throws Exception {
		ConsumerRecord<String, byte[]> redriven;
		try (TopicReader reader = new TopicReader(platform.kafkaBootstrapServers(), "users.registered")) {
			List<ConsumerRecord<String, byte[]>> records = reader.awaitRecords(record -> key.equals(record.key()), 2);
			assertThat(records).as("the registration and its redrive on the topic").hasSize(2);
			redriven = records.get(1);
			assertThat(redriven.headers().lastHeader("platform-redriven-from")).as("the redrive's mark").isNotNull();
		}
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>("users.registered", null, redriven.key(), redriven.value(),
					redriven.headers())).get(30, TimeUnit.SECONDS);
		}
	}

	private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
		try (Admin admin = admin()) {
			var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
				.partitions()
				.stream()
				.collect(java.util.stream.Collectors.toMap(info -> new TopicPartition(topic, info.partition()),
						info -> OffsetSpec.latest()));
			return admin.listOffsets(partitions)
				.all()
				.get(30, TimeUnit.SECONDS)
				.entrySet()
				.stream()
				.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
		}
	}

	private static void awaitGroupCaughtUp(String group, String topic) {
		await(group + " caught up on " + topic).atMost(PATIENCE).untilAsserted(() -> {
			Map<TopicPartition, Long> ends = endOffsets(topic);
			try (Admin admin = admin()) {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get(30, TimeUnit.SECONDS);
				assertThat(committed.keySet()).as("partitions %s committed on", group)
					.anyMatch(partition -> partition.topic().equals(topic));
				// A partition the group never committed on is read from its start (nothing was ever deleted here)
				ends.forEach((partition, end) -> assertThat(
						committed.get(partition) == null ? 0L : committed.get(partition).offset())
					.as("committed offset of %s", partition)
					.isEqualTo(end));
			}
		});
	}

	private static Admin admin() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
		return Admin.create(properties);
	}

}
