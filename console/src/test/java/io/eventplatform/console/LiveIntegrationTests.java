package io.eventplatform.console;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.eventplatform.console.live.LiveFeed;
import io.eventplatform.console.trend.OffsetTrends;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.CloudEventHeaders;
import io.eventplatform.contract.kafka.EventJson;
import io.eventplatform.contract.transactions.Direction;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.weather.WeatherReadingRecorded;
import io.eventplatform.support.time.MutableClock;

import static io.eventplatform.console.People.operator;
import static io.eventplatform.console.People.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The live page against a real (embedded KRaft) broker, whose platform topics exist before the console starts, and
 * a stand-in gateway for analytics-service's API; people signed in as viewer or operator through {@code oidcLogin()}.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:console-live;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"management.server.port=0", "platform.console.sampling.interval=1h", "platform.console.live.refresh=500ms" })
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", partitions = 2,
		topics = { Topics.Names.TRANSACTIONS_FRAUD_ALERTS, Topics.Names.TRANSACTIONS_RECORDED,
				Topics.Names.WEATHER_READINGS })
class LiveIntegrationTests {

	static final StubGateway gateway = StubGateway.start();

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("platform.console.gateway-uri", gateway::uri);
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
	MockMvc mvc;

	@Autowired
	LiveFeed feed;

	@Autowired
	OffsetTrends trends;

	@Autowired
	MutableClock clock;

	@Autowired
	Admin admin;

	@Autowired
	Environment environment;

	@Test
	void shouldPushAFraudAlertWithItsTransactionsAmountsToAnOpenStream() throws Exception {
		// Given: a transaction the console has seen, and a viewer's open stream
		UUID transaction = UUID.randomUUID();
		send(Topics.Names.TRANSACTIONS_RECORDED, "ACC-PUSH", transaction(transaction, "ACC-PUSH", "12500.00"));
		await().atMost(Duration.ofSeconds(20)).until(() -> feed.transaction(transaction) != null);
		MvcResult stream = mvc.perform(get("/live/fraud-alerts/stream").with(viewer()).accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(request().asyncStarted())
			.andReturn();

		// When: analytics-service raises an alert on it
		send(Topics.Names.TRANSACTIONS_FRAUD_ALERTS, "ACC-PUSH", new FraudSuspected("ACC-PUSH", "amount-above-threshold",
				List.of(transaction), "Amount 12500.00 EUR is above the threshold of 10000, tell ada@example.com"));

		// Then: the stream carries it as one list item, with the amount, the e-mail masked for the viewer
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stream.getResponse().getContentAsString())
			.contains("event:fraud-alert")
			.contains("data-test=\"fraud-alert\"")
			.contains("data-account=\"ACC-PUSH\"")
			.contains("data-rule=\"amount-above-threshold\"")
			.contains(transaction.toString())
			.contains("<td data-test=\"alert-amount\">12500.00 EUR</td>")
			.contains("a***@example.com")
			.doesNotContain("ada@example.com"));
		assertThat(stream.getResponse().getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
	}

	@Test
	void shouldShowTheAlertsNewestFirstOnThePageUnmaskedForOperators() throws Exception {
		// Given
		send(Topics.Names.TRANSACTIONS_FRAUD_ALERTS, "ACC-PAGE", new FraudSuspected("ACC-PAGE", "too-many-transactions",
				List.of(UUID.randomUUID()), "first, from bob@example.com"));
		send(Topics.Names.TRANSACTIONS_FRAUD_ALERTS, "ACC-PAGE", new FraudSuspected("ACC-PAGE", "two-countries",
				List.of(UUID.randomUUID()), "second"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> feed.alerts().stream().filter(alert -> alert.accountId().equals("ACC-PAGE")).count() == 2);

		// When
		String viewerPage = page("/live", viewer());
		String operatorPage = page("/live", operator());

		// Then
		assertThat(viewerPage.indexOf("data-rule=\"two-countries\"")).isNotNegative()
			.isLessThan(viewerPage.indexOf("data-rule=\"too-many-transactions\""));
		assertThat(viewerPage).contains("b***@example.com").doesNotContain("bob@example.com")
			.contains("not seen by the console")
			.contains("sse-connect=\"/live/fraud-alerts/stream?after=" + feed.alerts().get(0).sequence() + "\"")
			.contains("data-test=\"nav-live\"");
		assertThat(operatorPage).contains("bob@example.com");
		mvc.perform(get("/webjars/htmx-ext-sse/sse.js")).andExpect(status().isOk());
		mvc.perform(get("/js/live.js")).andExpect(status().isOk());
	}

	@Test
	void shouldSkipAndCountMalformedRecordsAndKeepFeeding() throws Exception {
		// Given
		long skippedBefore = feed.skipped();
		RecordHeaders headers = headersOf(EventEnvelope.of(URI.create("/test"), new FraudSuspected("ACC-BAD", "r",
				List.of(), "x"), clock));

		// When: a record that is no JSON, one without CloudEvents headers, then a good one, all on one partition
		send(new ProducerRecord<>(Topics.Names.TRANSACTIONS_FRAUD_ALERTS, 0, bytes("ACC-BAD"), bytes("not json"), headers));
		send(new ProducerRecord<>(Topics.Names.TRANSACTIONS_FRAUD_ALERTS, 0, bytes("ACC-BAD"), bytes("{}")));
		send(Topics.Names.TRANSACTIONS_FRAUD_ALERTS, 0, "ACC-AFTER", new FraudSuspected("ACC-AFTER",
				"small-then-large", List.of(), "after the bad ones"));

		// Then
		await().atMost(Duration.ofSeconds(20))
			.until(() -> feed.alerts().stream().anyMatch(alert -> alert.accountId().equals("ACC-AFTER")));
		assertThat(feed.skipped()).isEqualTo(skippedBefore + 2);
		assertThat(feed.isRunning()).isTrue();
		assertThat(feed.alerts()).noneMatch(alert -> alert.accountId().equals("ACC-BAD"));
	}

	@Test
	void shouldStopCleanlyAndStartAgainWithTheLastAlertsAsHistory() throws Exception {
		// Given
		feed.stop();
		assertThat(feed.isRunning()).isFalse();
		send(Topics.Names.TRANSACTIONS_FRAUD_ALERTS, "ACC-HISTORY", new FraudSuspected("ACC-HISTORY",
				"amount-above-threshold", List.of(), "while the console was away"));

		// When
		feed.start();

		// Then: read back from before its start
		await().atMost(Duration.ofSeconds(20))
			.until(() -> feed.alerts().stream().anyMatch(alert -> alert.accountId().equals("ACC-HISTORY")));
		assertThat(Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("console-live")))
			.hasSize(1);
	}

	@Test
	void shouldListRecentlySeenStationsAndShowAStationsHoursAsAChart() throws Exception {
		// Given
		send(Topics.Names.WEATHER_READINGS, "ST-LIVE-1", new WeatherReadingRecorded("ST-LIVE-1",
				Instant.parse("2026-12-01T09:59:00Z"), 21.5, 40.0, null));
		await().atMost(Duration.ofSeconds(20)).until(() -> feed.stations().contains("ST-LIVE-1"));
		gateway.answer("GET /api/analytics/stations/ST-LIVE-1", """
				{"stationId":"ST-LIVE-1","latest":{"stationId":"ST-LIVE-1","observedAt":"2026-12-01T09:59:00Z",
				"temperatureCelsius":21.5,"humidityPercent":40.0,"pressureHpa":1013.2},
				"hours":[{"start":"2026-12-01T09:00:00Z","end":"2026-12-01T10:00:00Z","count":3,
				"temperatureCelsius":{"min":20.0,"max":23.0,"mean":21.5},"humidityPercent":{"min":35.0,"max":45.0,"mean":40.0}},
				{"start":"2026-12-01T08:00:00Z","end":"2026-12-01T09:00:00Z","count":2,
				"temperatureCelsius":{"min":18.0,"max":19.0,"mean":18.5},"humidityPercent":{"min":50.0,"max":52.0,"mean":51.0}}]}""");

		// When
		String live = page("/live", viewer());
		String station = page("/live/stations/ST-LIVE-1", viewer());
		String asked = mvc.perform(get("/live/stations").param("stationId", "ST-LIVE-1").with(viewer()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		// Then
		assertThat(live).contains("data-station=\"ST-LIVE-1\"");
		assertThat(asked).isEqualTo("/live/stations/ST-LIVE-1");
		assertThat(station).contains("data-test=\"station-chart\"")
			.contains("<b data-test=\"latest-temperature\">21.5</b>")
			.contains("<b data-test=\"latest-humidity\">40.0</b>")
			.contains("\"times\":[" + Instant.parse("2026-12-01T08:00:00Z").getEpochSecond() + ","
					+ Instant.parse("2026-12-01T09:00:00Z").getEpochSecond() + "]")
			.contains("\"temperatureMean\":[18.5,21.5]")
			.contains("<td data-test=\"humidity-max\">45.0</td>");
		List<StubGateway.Request> calls = gateway.requestsTo("GET",
				"/api/analytics/stations/ST-LIVE-1");
		assertThat(calls).isNotEmpty();
		assertThat(calls.get(0).authorization()).isEqualTo("Bearer console-token");
		assertThat(gateway.requestsTo("POST", "/oauth2/token")).anyMatch(call -> call.body().contains("analytics%3Aread"));
	}

	@Test
	void shouldSayWhenAStationHasNoReadingAndRefuseAnIdThatIsNoStationId() throws Exception {
		String unknown = page("/live/stations/ST-NEVER", viewer());
		String refused = mvc.perform(get("/live/stations").param("stationId", "../admin").with(viewer()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(unknown).contains("data-test=\"station-unknown\"");
		assertThat(refused).contains("stationId may only contain");
	}

	@Test
	void shouldShowRegistrationsPerCountryMostFirst() throws Exception {
		// Given
		gateway.answer("GET /api/analytics/registrations", "{\"total\":5,\"byCountry\":{\"FR\":2,\"GB\":3}}");

		// When
		String table = page("/live/registrations", viewer());

		// Then
		assertThat(table).contains("data-test=\"registrations-by-country\"")
			.contains("<th data-test=\"registrations-total\">5</th>");
		assertThat(table.indexOf("data-country=\"GB\"")).isNotNegative().isLessThan(table.indexOf("data-country=\"FR\""));
		assertThat(table).containsPattern("data-country=\"GB\">\\s*<td>GB</td><td data-test=\"registrations\">3</td>");
		assertThat(table).contains("width:100%").contains("width:67%");
	}

	@Test
	void shouldShowEventsPerMinuteOfEachPlatformTopic() throws Exception {
		// Given: 20 records between two samples 10 s apart
		admin.createTopics(List.of(new NewTopic(Topics.Names.USERS_REGISTERED, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
		trends.sample();
		for (int i = 0; i < 20; i++) {
			send(new ProducerRecord<>(Topics.Names.USERS_REGISTERED, 0, bytes("u" + i), bytes("{}")));
		}
		clock.advance(Duration.ofSeconds(10));
		trends.sample();

		// When
		String table = page("/live/events", viewer());

		// Then
		assertThat(table).contains("data-test=\"events-per-minute\"")
			.containsPattern("data-topic=\"users.registered\">\\s*<td>users.registered</td><td data-test=\"per-minute\">120</td>")
			.contains("data-topic=\"gateway.requests\"")
			.contains("\"users.registered\":[120]");
	}

	// --- helpers

	private String page(String path, OidcLoginRequestPostProcessor person) throws Exception {
		return mvc.perform(get(path).with(person)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static TransactionRecorded transaction(UUID id, String account, String amount) {
		return new TransactionRecorded(id, account, new BigDecimal(amount), "EUR", Direction.DEBIT, "Shop", "FR",
				Instant.parse("2026-12-01T09:58:00Z"));
	}

	private void send(String topic, String key, Object data) throws Exception {
		send(topic, null, key, data);
	}

	/** Sends a platform event as its producer would: JSON data, CloudEvents headers. */
	private void send(String topic, @Nullable Integer partition, String key, Object data) throws Exception {
		EventEnvelope<Object> event = EventEnvelope.of(URI.create("/test"), data, clock);
		send(new ProducerRecord<>(topic, partition, bytes(key), EventJson.mapper().writeValueAsBytes(data),
				headersOf(event)));
	}

	private static RecordHeaders headersOf(EventEnvelope<?> event) {
		RecordHeaders headers = new RecordHeaders();
		CloudEventHeaders.write(headers, event);
		return headers;
	}

	private void send(ProducerRecord<byte[], byte[]> record) throws Exception {
		try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
			producer.send(record).get(10, TimeUnit.SECONDS);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
