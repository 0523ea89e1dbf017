package io.eventplatform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.EventDeserializer;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.transactions.Direction;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/** The queries answered from the state stores of the running topology, fed through a real broker. */
@SpringBootTest(properties = { "spring.kafka.streams.state-dir=target/kafka-streams/${random.uuid}",
		"spring.kafka.streams.properties.commit.interval.ms=100",
		"spring.kafka.streams.properties.statestore.cache.max.bytes=0" })
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
		"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class AnalyticsQueriesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	StreamsBuilderFactoryBean streams;

	/** Creating the internal topics and the first assignment take their time on a busy machine; queries answer 503 until then. */
	@BeforeEach
	void topologyIsRunning() {
		await().atMost(Duration.ofMinutes(3))
			.until(() -> streams.getKafkaStreams() != null
					&& streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
	}

	@Test
	void shouldAnswerAStationsHourAndLatestReadingAfterSkippingAMalformedRecord() {
		String station = "station-" + UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		try (var producer = new DefaultKafkaProducerFactory<String, byte[]>(KafkaTestUtils.producerProps(broker),
				new StringSerializer(), new ByteArraySerializer())
			.createProducer()) {
			producer.send(new ProducerRecord<>(Topics.WEATHER_READINGS.name(), station,
					"{not an event".getBytes(StandardCharsets.UTF_8)));
		}
		publish(new WeatherReadingRecorded(station, now.minusSeconds(1), 10.0, 50.0, null), now.minusSeconds(1));
		publish(new WeatherReadingRecorded(station, now, 14.0, 70.0, 1013.0), now);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get("/api/analytics/stations/" + station))
			.hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"stationId":"%s","latest":{"temperatureCelsius":14.0,"pressureHpa":1013.0},
					 "hours":[{"count":2,"temperatureCelsius":{"min":10.0,"max":14.0,"mean":12.0},
					           "humidityPercent":{"min":50.0,"max":70.0,"mean":60.0}}]}""".formatted(station)));
	}

	@Test
	void shouldAnswerAnAccountsVolumesAndPublishOneFraudAlertWithCloudEventsHeaders() {
		String account = "account-" + UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		TransactionRecorded large = transaction(account, "25000.00", now);
		publish(transaction(account, "10.00", now.minusSeconds(2)), now.minusSeconds(2));
		publish(large, now);
		publish(large, now);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(get("/api/analytics/accounts/" + account + "?at=" + now)).hasStatus(200)
				.bodyJson()
				.extractingPath("$.hour[0].volume.byCurrency.EUR")
				.isEqualTo(Map.of("count", 2, "volume", 25010.0)));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(get("/api/analytics/alerts/fraud")).hasStatus(200)
				.bodyJson()
				.extractingPath("$.alerts[?(@.alert.accountId == '%s')].alert.rule".formatted(account))
				.isEqualTo(List.of("amount-above-threshold")));

		Map<String, Object> consumerProps = KafkaTestUtils.consumerProps(broker, "alerts-" + UUID.randomUUID(), false);
		consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (Consumer<String, EventEnvelope<?>> consumer = new DefaultKafkaConsumerFactory<String, EventEnvelope<?>>(
				consumerProps, new StringDeserializer(), new EventDeserializer())
			.createConsumer()) {
			consumer.subscribe(List.of(Topics.TRANSACTIONS_FRAUD_ALERTS.name()));
			List<ConsumerRecord<String, EventEnvelope<?>>> alerts = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(2))
					.forEach(record -> {
						if (account.equals(record.key())) {
							alerts.add(record);
						}
					});
				assertThat(alerts).hasSize(1);
			});
			ConsumerRecord<String, EventEnvelope<?>> alert = alerts.get(0);
			assertThat(header(alert, "ce_type")).isEqualTo(Topics.TRANSACTIONS_FRAUD_ALERTS.cloudEventType());
			assertThat(header(alert, "ce_source")).isEqualTo("/analytics-service");
			assertThat(header(alert, "ce_specversion")).isEqualTo("1.0");
			assertThat(header(alert, "content-type")).isEqualTo("application/json");
			assertThat(((FraudSuspected) alert.value().data()).transactionIds()).containsExactly(large.transactionId());
		}
	}

	@Test
	void shouldDeadLetterAReadingFromYearMinus300000000AndAggregateTheNextReadingWhileStayingReady() {
		String station = "station-" + UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		EventEnvelope<WeatherReadingRecorded> poisoned = new EventEnvelope<>(UUID.randomUUID().toString(),
				URI.create("/station"), now, new WeatherReadingRecorded(station,
						Instant.parse("-300000000-01-01T00:00:00Z"), 10.0, 50.0, null));
		try (var producer = new DefaultKafkaProducerFactory<String, EventEnvelope<?>>(
				KafkaTestUtils.producerProps(broker), new StringSerializer(), new EventSerializer())
			.createProducer()) {
			// As a station writing to the topic directly would: no ingest service validated it.
			producer.send(new ProducerRecord<>(Topics.WEATHER_READINGS.name(), station, poisoned));
		}
		publish(new WeatherReadingRecorded(station, now, 14.0, 70.0, 1013.0), now);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get("/api/analytics/stations/" + station))
			.hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"stationId":"%s","latest":{"temperatureCelsius":14.0},"hours":[{"count":1}]}""".formatted(station)));
		try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<String, byte[]>(
				KafkaTestUtils.consumerProps(broker, "dlt-" + UUID.randomUUID(), false), new StringDeserializer(),
				new org.apache.kafka.common.serialization.ByteArrayDeserializer())
			.createConsumer()) {
			consumer.subscribe(List.of(Topics.WEATHER_READINGS.deadLetterTopic()));
			List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(2)).forEach(record -> {
					if (station.equals(record.key())) {
						deadLetters.add(record);
					}
				});
				assertThat(deadLetters).hasSize(1);
			});
			ConsumerRecord<String, byte[]> deadLetter = deadLetters.get(0);
			assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).contains("-300000000-01-01T00:00:00Z");
			assertThat(header(deadLetter, "ce_id")).isEqualTo(poisoned.id());
			assertThat(header(deadLetter, "kafka_dlt-exception-fqcn"))
				.isEqualTo("io.eventplatform.contract.kafka.InvalidEventException");
			assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.WEATHER_READINGS.name());
		}
		assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatus(200);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	@Test
	void shouldAnswerTheOverviewOfEventsPerTopicPerMinute() {
		Instant now = Instant.now();
		publish(transaction("account-" + UUID.randomUUID(), "1.50", now), now);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(get("/api/analytics/overview?minutes=5")).hasStatus(200)
				.bodyJson()
				.extractingPath("$.eventsPerMinute[0].events.byTopic['transactions.recorded']")
				.asNumber()
				.satisfies(count -> assertThat(count.longValue()).isPositive()));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(get("/api/analytics/overview/transactions?minutes=5")).hasStatus(200)
				.bodyJson()
				.extractingPath("$.minutes[0].volume.byCurrency.EUR.count")
				.asNumber()
				.satisfies(count -> assertThat(count.longValue()).isPositive()));
	}

	@Test
	void shouldAnswer404ForAStationThatNeverReported() {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(get("/api/analytics/stations/nowhere")).hasStatus(404));
	}

	@Test
	void shouldRequireTheAnalyticsScopeForEveryQuery() {
		for (String path : List.of("/api/analytics/stations/s", "/api/analytics/accounts/a", "/api/analytics/overview",
				"/api/analytics/overview/transactions", "/api/analytics/alerts/fraud", "/api/analytics/alerts/weather",
				"/api/analytics/registrations/NL")) {
			assertThat(mvc.get().uri(path)).hasStatus(401);
			assertThat(mvc.get().uri(path).with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_users:read"))))
				.hasStatus(403);
		}
	}

	@Test
	void shouldRefuseAnInstantOutsideTheBoundsOfEventTimesNamingTheParameter() {
		// Given instants the window stores cannot represent, and one from before the contract's earliest event time
		for (String at : new String[] { "+1000000000-01-01T00:00:00Z", "-300000000-01-01T00:00:00Z",
				"1999-12-31T23:59:59Z" }) {
			// When
			MvcTestResult result = get("/api/analytics/accounts/ACC-1").param("at", at).exchange();

			// Then
			assertThat(result).as(at)
				.hasStatus(HttpStatus.BAD_REQUEST)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("at");
			assertThat(result).bodyJson()
				.extractingPath("$.errors[0].rule")
				.isEqualTo(at.startsWith("+") ? "PastOrPresent" : "NotBefore");
		}
	}

	private MockMvcTester.MockMvcRequestBuilder get(String path) {
		return mvc.get().uri(path).with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_analytics:read")));
	}

	private static TransactionRecorded transaction(String account, String amount, Instant at) {
		return new TransactionRecorded(UUID.randomUUID(), account, new BigDecimal(amount), "EUR", Direction.DEBIT,
				"Shop", "NL", at);
	}

	private void publish(Object data, Instant time) {
		publish(new EventEnvelope<>(UUID.nameUUIDFromBytes(data.toString().getBytes(StandardCharsets.UTF_8)).toString(),
				URI.create("/test"), time, data));
	}

	private void publish(EventEnvelope<?> event) {
		try (var producer = new DefaultKafkaProducerFactory<String, EventEnvelope<?>>(
				KafkaTestUtils.producerProps(broker), new StringSerializer(), new EventSerializer())
			.createProducer()) {
			producer.send(new ProducerRecord<>(event.topic().name(), event.key(), event));
		}
	}
}
