package io.eventplatform.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.eventplatform.console.trend.OffsetTrends;
import io.eventplatform.support.time.MutableClock;

import static io.eventplatform.console.People.operator;
import static io.eventplatform.console.People.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console against a real (embedded KRaft) broker, an H2 database, and a stand-in gateway for the token endpoint
 * and the service APIs; people signed in as viewer or operator through {@code oidcLogin()}.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:console;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"management.server.port=0", "platform.console.sampling.interval=1h", "platform.console.parts.gateway.readiness-uri=http://127.0.0.1:1/actuator/health/readiness",
		"platform.console.owners.broken-service.replay-path=/api/broken/admin/replay",
		"platform.console.owners.broken-service.groups=broken-group", "platform.console.messages.max-scanned=100" })
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ConsoleIntegrationTests {

	static final StubGateway gateway = StubGateway.start();

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("platform.console.gateway-uri", gateway::uri);
		registry.add("platform.console.parts.analytics-service.readiness-uri",
				() -> gateway.uri() + "/actuator/health/readiness");
	}

	@AfterAll
	static void stopGateway() {
		gateway.close();
	}

	@TestConfiguration
	static class PinnedClock {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
		}
	}

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Admin admin;

	@Autowired
	OffsetTrends trends;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.core.env.Environment environment;

	@Test
	void shouldSendPeopleWhoAreNotSignedInToTheGatewaysSignInWithAProofKey() throws Exception {
		// When
		String login = mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String authorize = mvc.perform(get("/oauth2/authorization/platform"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		// Then
		assertThat(login).endsWith("/oauth2/authorization/platform");
		assertThat(authorize).startsWith("http://127.0.0.1:8080/oauth2/authorize?")
			.contains("client_id=console")
			.contains("code_challenge=")
			.contains("code_challenge_method=S256")
			.contains("scope=openid%20profile");
	}

	@Test
	void shouldShowEveryPartitionOfATopicWithLeaderReplicasAndRetention() throws Exception {
		// Given
		createTopic("overview.topic", 3);

		// When
		String page = page("/", viewer());

		// Then
		String topic = section(page, "data-topic=\"overview.topic\"");
		assertThat(Pattern.compile("data-partition=\"\\d\"").matcher(topic).results().count()).isEqualTo(3);
		assertThat(topic).contains("data-test=\"topic-partitions\"").contains("data-test=\"retention-ms\"");
		assertThat(page).contains("data-test=\"brokers\"").contains("data-broker=");
	}

	@Test
	void shouldDrawATopicsProduceRateFromSampledEndOffsets() throws Exception {
		// Given: 20 records between two samples 10 s apart
		createTopic("rate.topic", 2);
		trends.sample();
		for (int i = 0; i < 20; i++) {
			send(new ProducerRecord<>("rate.topic", i % 2, bytes("k" + i), bytes("{}")));
		}
		clock.advance(Duration.ofSeconds(10));
		trends.sample();

		// When
		String page = page("/", viewer());

		// Then
		assertThat(page).contains("\"rate.topic\":{\"times\":[" + Instant.parse("2026-12-01T10:00:10Z").getEpochSecond()
				+ "],\"values\":[2.0]}");
		assertThat(section(page, "data-topic=\"rate.topic\"")).contains("<b data-test=\"produce-rate\">2.0</b>");
	}

	@Test
	void shouldSignOutAndSayHowToSignInAgain() throws Exception {
		mvc.perform(post("/logout").with(viewer()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/signed-out"));
		mvc.perform(get("/signed-out")).andExpect(status().isOk());
	}

	@Test
	void shouldShowAGroupsCommittedOffsetsEndOffsetsLagAndTrend() throws Exception {
		// Given: 5 records, the group committed 2 of them
		createTopic("lag.topic", 1);
		for (int i = 0; i < 5; i++) {
			send(new ProducerRecord<>("lag.topic", 0, bytes("k" + i), bytes("{\"n\":" + i + "}")));
		}
		commit("lagging-group", new TopicPartition("lag.topic", 0), 2);
		trends.sample();

		// When
		String list = page("/groups", viewer());
		String detail = page("/groups/lagging-group", viewer());

		// Then
		assertThat(section(list, "data-group=\"lagging-group\"")).contains("<td data-test=\"lag\">3</td>");
		assertThat(detail).contains("<td data-test=\"committed\">2</td>")
			.contains("<td data-test=\"end\">5</td>")
			.contains("<td data-test=\"lag\">3</td>")
			.contains("\"values\":[3.0]");
		assertThat(detail).contains("data-test=\"not-rewindable\"");
	}

	@Test
	void shouldPreviewARewindWithTheOwningServicesReplayAsADryRun() throws Exception {
		// Given
		gateway.answer("POST /api/notifications/admin/replay", """
				{"dryRun":true,"groups":[{"listenerId":"welcome","groupId":"notification-service",
				"partitions":[{"topic":"users.registered","partition":0,"offset":0,"committed":42}]}]}""");

		// When
		String preview = mvc.perform(post("/groups/notification-service/rewind/preview").param("to", "earliest")
				.with(operator()).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		// Then
		List<StubGateway.Request> calls = gateway.requestsTo("POST", "/api/notifications/admin/replay");
		assertThat(calls).hasSize(1);
		assertThat(calls.get(0).body()).contains("\"to\":\"earliest\"").contains("\"dryRun\":true")
			.contains("\"group\":\"notification-service\"");
		assertThat(calls.get(0).authorization()).isEqualTo("Bearer console-token");
		assertThat(preview).contains("<td data-test=\"current\">42</td>").contains("<td data-test=\"new\">0</td>")
			.contains("data-test=\"rewind-confirm\"");
		assertThat(auditCounts("group.rewind", "notification-service")).isEmpty();
	}

	@Test
	void shouldRewindAGroupToATimeThroughItsOwnersReplayAndAuditIt() throws Exception {
		// Given
		gateway.answer("POST /api/warehouse/admin/replay", """
				{"dryRun":false,"groups":[{"listenerId":"users","groupId":"analytics-warehouse-users",
				"partitions":[{"topic":"users.registered","partition":0,"offset":17,"committed":40}]}]}""");

		// When
		mvc.perform(post("/groups/analytics-warehouse-users/rewind").param("to", "time")
				.param("time", "2026-12-01T10:00:00Z").with(operator()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String badTime = mvc.perform(post("/groups/analytics-warehouse-users/rewind/preview").param("to", "time")
				.param("time", "yesterday").with(operator()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		// Then
		List<StubGateway.Request> calls = gateway.requestsTo("POST", "/api/warehouse/admin/replay");
		assertThat(calls).hasSize(1);
		assertThat(calls.get(0).body()).contains("\"from\":\"2026-12-01T10:00:00Z\"").contains("\"dryRun\":false")
			.contains("\"group\":\"analytics-warehouse-users\"");
		assertThat(auditCounts("group.rewind", "analytics-warehouse-users")).containsExactly(1);
		assertThat(badTime).contains("The field time is missing or not valid");
	}

	@Test
	void shouldReadAtMostAPageAndPageOnWithPersonalDataMaskedForViewers() throws Exception {
		// Given: 60 registrations on one partition
		createTopic("people.topic", 1);
		for (int i = 0; i < 60; i++) {
			RecordHeaders headers = new RecordHeaders();
			headers.add("ce_type", bytes("io.eventplatform.users.UserRegistered.v1"));
			headers.add("ce_id", bytes(UUID.randomUUID().toString()));
			send(new ProducerRecord<>("people.topic", 0, bytes("user-" + i), bytes(
					"{\"userId\":\"u" + i + "\",\"email\":\"ada" + i + "@example.com\",\"displayName\":\"Ada Lovelace\",\"country\":\"GB\"}"),
					headers));
		}

		// When
		String first = page("/messages?topic=people.topic", viewer());
		String second = page("/messages?topic=people.topic&cursor=0:50&direction=next", viewer());
		String unmasked = page("/messages?topic=people.topic", operator());
		String previous = page("/messages?topic=people.topic&cursor=0:55&direction=previous", viewer());
		String fromTheFuture = page("/messages?topic=people.topic&fromTime=2999-01-01T00:00:00Z", viewer());
		String fromOffset = page("/messages?topic=people.topic&partition=0&fromOffset=58", viewer());

		// Then
		assertThat(count(first, "data-test=\"record\"")).isEqualTo(50);
		assertThat(first).contains("a***@example.com").doesNotContain("ada0@example.com").doesNotContain("Lovelace")
			.contains("io.eventplatform.users.UserRegistered.v1");
		assertThat(first).contains("cursor=0:50&amp;direction=next");
		assertThat(count(second, "data-test=\"record\"")).isEqualTo(10);
		assertThat(unmasked).contains("ada0@example.com").contains("Ada Lovelace");
		assertThat(count(previous, "data-test=\"record\"")).isEqualTo(50);
		assertThat(previous).contains("data-offset=\"5\"").contains("data-offset=\"54\"").doesNotContain("data-offset=\"55\"")
			.doesNotContain("data-offset=\"4\"");
		assertThat(count(fromTheFuture, "data-test=\"record\"")).isZero();
		assertThat(count(fromOffset, "data-test=\"record\"")).isEqualTo(2);
	}

	@Test
	void shouldFilterMessagesByKeyAndEventType() throws Exception {
		// Given
		createTopic("filter.topic", 2);
		RecordHeaders typed = new RecordHeaders();
		typed.add("ce_type", bytes("io.eventplatform.transactions.TransactionRecorded.v1"));
		send(new ProducerRecord<>("filter.topic", 0, bytes("ACC-1"), bytes("{\"a\":1}"), typed));
		send(new ProducerRecord<>("filter.topic", 1, bytes("ACC-2"), bytes("{\"a\":2}"), typed));
		send(new ProducerRecord<>("filter.topic", 1, bytes("ACC-2"), bytes("not json")));

		// When
		String byKey = page("/messages?topic=filter.topic&key=ACC-2", viewer());
		String byType = page("/messages?topic=filter.topic&type=TransactionRecorded", viewer());

		// Then
		assertThat(count(byKey, "data-test=\"record\"")).isEqualTo(2);
		assertThat(byKey).contains("data-format=\"text\">not json<");
		assertThat(count(byType, "data-test=\"record\"")).isEqualTo(2);
	}

	@Test
	void shouldStopAFilteredReadAtItsBoundAndGoOnFromThereOnTheNextPage() throws Exception {
		// Given: 150 records, the one wanted beyond the 100 a read looks at
		createTopic("scan.topic", 1);
		for (int i = 0; i < 150; i++) {
			send(new ProducerRecord<>("scan.topic", 0, bytes("k" + i), bytes("{}")));
		}

		// When
		String first = page("/messages?topic=scan.topic&key=k120", viewer());
		String next = page("/messages?topic=scan.topic&key=k120&cursor=0:100&direction=next", viewer());

		// Then
		assertThat(count(first, "data-test=\"record\"")).isZero();
		assertThat(first).contains("stopped at the read's bound").contains("cursor=0:100&amp;direction=next");
		assertThat(count(next, "data-test=\"record\"")).isEqualTo(1);
		assertThat(next).contains("data-offset=\"120\"");
	}

	@Test
	void shouldShowADeadLettersCauseAndOrigin() throws Exception {
		// Given
		createTopic("cause.topic", 1);
		createTopic("cause.topic-dlt", 1);
		send(deadLetter("cause.topic", "key-1", "{\"broken\":true}", 0, 7));

		// When
		String page = page("/dead-letters/cause.topic-dlt", viewer());
		String overview = page("/", viewer());

		// Then
		assertThat(page).contains("<b data-test=\"exception\">org.springframework.kafka.support.serializer.DeserializationException</b>")
			.contains("<span data-test=\"exception-message\">failed to deserialize</span>")
			.contains("<span data-test=\"original-topic\">cause.topic</span>")
			.contains("<span data-test=\"original-partition\">0</span>")
			.contains("<span data-test=\"original-offset\">7</span>");
		assertThat(section(overview, "<tr data-topic=\"cause.topic-dlt\">")).contains("<td data-test=\"dead-letter-count\">1</td>");
	}

	@Test
	void shouldRedriveTheOriginalKeyHeadersAndBytesOnceAndAuditIt() throws Exception {
		// Given: two dead letters of orders.topic
		createTopic("orders.topic", 1);
		createTopic("orders.topic-dlt", 1);
		send(deadLetter("orders.topic", "order-1", "{\"id\":1}", 0, 3));
		send(deadLetter("orders.topic", "order-2", "{\"id\":2}", 0, 4));

		// When: the first alone, then "all"
		mvc.perform(post("/dead-letters/orders.topic-dlt/redrive").param("record", "0:0").with(operator()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/dead-letters/orders.topic-dlt/redrive-all").with(operator()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/dead-letters/orders.topic-dlt/redrive-all").with(operator()).with(csrf()))
			.andExpect(status().is3xxRedirection());

		// Then: each once, as it was, marked as redriven
		List<ConsumerRecord<byte[], byte[]>> redriven = readAll("orders.topic", 2);
		assertThat(redriven).hasSize(2);
		ConsumerRecord<byte[], byte[]> first = redriven.get(0);
		assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("order-1");
		assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
		assertThat(new String(first.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo("event-order-1");
		assertThat(new String(first.headers().lastHeader("platform-redriven-from").value(), StandardCharsets.UTF_8))
			.isEqualTo("orders.topic-dlt/0/0");
		assertThat(first.headers().toArray()).noneMatch(header -> header.key().startsWith("kafka_dlt-"));
		assertThat(new String(redriven.get(1).key(), StandardCharsets.UTF_8)).isEqualTo("order-2");
		assertThat(auditCounts("dead-letters.redrive%", "orders.topic-dlt")).containsExactly(1, 1, 0);
		String audit = page("/audit", viewer());
		assertThat(audit).contains("<td data-test=\"actor\">operator</td>").contains("orders.topic: partition:offset 0:0");
		assertThat(page("/dead-letters/orders.topic-dlt", operator())).contains("REDRIVEN by operator");
	}

	@Test
	void shouldDiscardADeadLetterAndAuditItAndNeverRedriveItAfterwards() throws Exception {
		// Given
		createTopic("discard.topic", 1);
		createTopic("discard.topic-dlt", 1);
		send(deadLetter("discard.topic", "d-1", "{\"id\":1}", 0, 0));

		// When
		mvc.perform(post("/dead-letters/discard.topic-dlt/discard").param("record", "0:0").with(operator()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/dead-letters/discard.topic-dlt/redrive-all").with(operator()).with(csrf()))
			.andExpect(status().is3xxRedirection());

		// Then
		assertThat(auditCounts("dead-letters.discard", "discard.topic-dlt")).containsExactly(1);
		assertThat(page("/dead-letters/discard.topic-dlt", viewer())).contains("DISCARDED by operator");
		assertThat(endOffset("discard.topic")).isZero();
	}

	@Test
	void shouldRefuseActionsToViewersAndShowThemNoOperatorButtons() throws Exception {
		// Given
		createTopic("viewer.topic", 1);
		createTopic("viewer.topic-dlt", 1);
		send(deadLetter("viewer.topic", "v-1", "{\"id\":1}", 0, 0));

		// When / Then
		mvc.perform(post("/dead-letters/viewer.topic-dlt/redrive-all").with(viewer()).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/dead-letters/viewer.topic-dlt/discard").param("record", "0:0").with(viewer()).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/groups/notification-service/rewind/preview").param("to", "earliest").with(viewer()).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/fraud-rules").param("largeAmount", "1").with(viewer()).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/dead-letters/viewer.topic-dlt/redrive-all").with(operator()))
			.andExpect(status().isForbidden());
		String page = page("/dead-letters/viewer.topic-dlt", viewer());
		assertThat(page).contains("data-test=\"dead-letter\"")
			.doesNotContain("data-test=\"redrive-all\"")
			.doesNotContain("data-test=\"redrive-selected\"")
			.doesNotContain("data-test=\"select\"");
		assertThat(page("/dead-letters/viewer.topic-dlt", operator())).contains("data-test=\"redrive-all\"");
		assertThat(endOffset("viewer.topic")).isZero();
	}

	@Test
	void shouldShowTheFraudRulesAndSendAnOperatorsChangeWithTheirNameAndAuditIt() throws Exception {
		// Given
		gateway.answer("GET /api/analytics/fraud/rules", """
				{"largeAmount":"10000","maxTransactionsPerWindow":5,"velocityWindow":"PT1M","countryChangeWindow":"PT30M",
				"smallAmount":"1.00","largeAfterSmallAmount":"500","smallThenLargeWindow":"PT1M","changedBy":null,"changedAt":null}""");
		gateway.answer("PUT /api/analytics/fraud/rules", "{\"largeAmount\":\"2500\",\"changedBy\":\"operator\"}");

		// When
		String viewerPage = page("/fraud-rules", viewer());
		mvc.perform(post("/fraud-rules").with(operator()).with(csrf())
				.param("largeAmount", "2500").param("maxTransactionsPerWindow", "5").param("velocityWindow", "PT1M")
				.param("countryChangeWindow", "PT30M").param("smallAmount", "1.00").param("largeAfterSmallAmount", "500")
				.param("smallThenLargeWindow", "PT1M"))
			.andExpect(status().is3xxRedirection());

		// Then
		assertThat(viewerPage).contains("data-test=\"rule-largeAmount\">10000<").doesNotContain("data-test=\"save-rules\"");
		List<StubGateway.Request> puts = gateway.requestsTo("PUT", "/api/analytics/fraud/rules");
		assertThat(puts).hasSize(1);
		assertThat(puts.get(0).body()).contains("\"largeAmount\":\"2500\"").contains("\"maxTransactionsPerWindow\":5")
			.contains("\"changedBy\":\"operator\"");
		assertThat(auditCounts("fraud-rules.change", "analytics.fraud-rules")).containsExactly(1);
	}

	@Test
	void shouldShowEachPartsReadiness() throws Exception {
		// Given
		gateway.answer("GET /actuator/health/readiness", "{\"status\":\"UP\"}");

		// When
		String parts = page("/overview/parts", viewer());

		// Then
		assertThat(section(parts, "data-part=\"analytics-service\"")).contains("<td data-test=\"part-status\">UP</td>");
		assertThat(section(parts, "data-part=\"gateway\"")).contains("<td data-test=\"part-status\">unreachable</td>");
	}

	@Test
	void shouldShowWhatTheServiceAnsweredWhenAReplayFails() throws Exception {
		String page = mvc.perform(post("/groups/broken-group/rewind/preview").param("to", "earliest")
				.with(operator()).with(csrf()))
			.andExpect(status().isBadGateway())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("data-test=\"error-message\"").contains("answered 404").doesNotContain("at io.eventplatform");
	}

	@Test
	void shouldServeTheJavaScriptFromWebJarsWithoutSignIn() throws Exception {
		mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
		mvc.perform(get("/webjars/uplot/dist/uPlot.iife.min.js")).andExpect(status().isOk());
	}

	@Test
	void shouldShowAReadablePageForAnUnknownGroupAndProblemDetailsToScripts() throws Exception {
		String page = mvc.perform(get("/groups/no-such-group").with(viewer()).accept("text/html"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("No consumer group no-such-group").doesNotContain("Exception");
		mvc.perform(post("/dead-letters/x-dlt/redrive-all").with(viewer()).with(csrf()).accept("application/json"))
			.andExpect(status().isForbidden())
			.andExpect(result -> assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json"));
	}

	// --- helpers

	private String page(String path, OidcLoginRequestPostProcessor person) throws Exception {
		return mvc.perform(get(path).with(person)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private List<Integer> auditCounts(String action, String target) {
		return jdbc.sql("SELECT record_count FROM audit_entry WHERE action LIKE :action AND target = :target ORDER BY id")
			.param("action", action)
			.param("target", target)
			.query(Integer.class)
			.list();
	}

	private static String section(String page, String marker) {
		int start = page.indexOf(marker);
		assertThat(start).as("page has " + marker).isNotNegative();
		int end = page.indexOf(marker.startsWith("data-topic") ? "</table>" : "</tr>", start);
		return page.substring(start, end);
	}

	private static long count(String page, String marker) {
		return Pattern.compile(Pattern.quote(marker)).matcher(page).results().count();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static ProducerRecord<byte[], byte[]> deadLetter(String topic, String key, String value, int partition,
			long offset) {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_id", bytes("event-" + key));
		headers.add("ce_type", bytes("io.eventplatform.test.Thing.v1"));
		headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN,
				bytes("org.springframework.kafka.support.serializer.DeserializationException"));
		headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes("failed to deserialize"));
		headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, bytes(topic));
		headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(partition).array());
		headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(offset).array());
		return new ProducerRecord<>(topic + "-dlt", 0, bytes(key), bytes(value), headers);
	}

	private void createTopic(String name, int partitions) throws Exception {
		admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
	}

	private String bootstrap() {
		return environment.getRequiredProperty("spring.kafka.bootstrap-servers");
	}

	private void send(ProducerRecord<byte[], byte[]> record) throws Exception {
		try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
			producer.send(record).get(10, TimeUnit.SECONDS);
		}
	}

	private void commit(String group, TopicPartition partition, long offset) {
		try (var consumer = consumer(group)) {
			consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
		}
	}

	private KafkaConsumer<byte[], byte[]> consumer(String group) {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
				ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
	}

	private long endOffset(String topic) {
		try (var consumer = consumer("end-" + UUID.randomUUID())) {
			return consumer.endOffsets(List.of(new TopicPartition(topic, 0))).values().iterator().next();
		}
	}

	/** Reads the topic to its end (after waiting for {@code expected} records) and returns everything on it. */
	private List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (var consumer = consumer("check-" + UUID.randomUUID())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (System.nanoTime() < deadline && records.size() < expected) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			// And a little longer: a second copy would show up here.
			consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
		}
		return records;
	}
}
