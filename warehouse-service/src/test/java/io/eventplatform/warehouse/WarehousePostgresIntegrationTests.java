package io.eventplatform.warehouse;

import static io.eventplatform.warehouse.WarehouseEvents.now;
import static io.eventplatform.warehouse.WarehouseEvents.reading;
import static io.eventplatform.warehouse.WarehouseEvents.transaction;
import static io.eventplatform.warehouse.WarehouseEvents.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/**
 * The warehouse with the {@code postgresql} profile on a real PostgreSQL server (started from Maven Central's
 * binaries, no Docker): Flyway's schema, the idempotent insert, the history queries, and a server that goes away and
 * comes back.
 */
@SpringBootTest(properties = { "platform.data-dir=./target/warehouse-postgres-tests/${random.uuid}",
		"spring.datasource.hikari.connection-timeout=1000",
		"platform.kafka.retry.max-interval-while-infrastructure-is-away=2s" })
@ActiveProfiles("postgresql")
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
		"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
public class WarehousePostgresIntegrationTests {

	static final Duration TIMEOUT = Duration.ofSeconds(90);

	static Path dataDirectory;

	static EmbeddedPostgres postgres;

	static int port;

	static WarehouseEvents events;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionHistory transactions;

	@Autowired
	UserHistory users;

	@Autowired
	ReadingHistory readings;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	HikariDataSource dataSource;

	@BeforeAll
	static void producer(@Autowired EmbeddedKafkaBroker broker) {
		events = new WarehouseEvents(broker);
	}

	@AfterAll
	static void stop() throws IOException {
		events.close();
		postgres.close();
	}

	/** Before the application context: the server must be up for Flyway. */
	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) throws IOException {
		// Kept when the server stops, so that it can start again with its data, as a real server would.
		dataDirectory = Files.createDirectories(Path.of("target", "warehouse-postgres", UUID.randomUUID().toString()));
		postgres = start(0);
		port = postgres.getPort();
		// As k8s/ connects: each JDBC batch rewritten into multi-row INSERTs (update counts then say SUCCESS_NO_INFO)
		registry.add("spring.datasource.url",
				() -> "jdbc:postgresql://localhost:" + port + "/postgres?reWriteBatchedInserts=true");
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	@Test
	void shouldWriteEachEventTypeOnceAndAnswerTheHistoryQueries() {
		String account = "ACC-PG-" + UUID.randomUUID();
		EventEnvelope<TransactionRecorded> older = transaction(account, "1.234", now().minusSeconds(120));
		EventEnvelope<TransactionRecorded> newer = transaction(account, "99.00", now().minusSeconds(60));
		EventEnvelope<UserRegistered> user = user("PT");
		EventEnvelope<WeatherReadingRecorded> reading = reading("station-pg", now().minusSeconds(30), null);

		events.send(older, newer, user, reading, older, user, reading);

		await().atMost(TIMEOUT).ignoreExceptions().until(() -> transactions.ofAccount(account, null, null, 0, 10).content().size() == 2
				&& !users.ofCountry("PT", null, null, 0, 10).content().isEmpty()
				&& !readings.ofStation("station-pg", null, null, 0, 10).content().isEmpty());
		assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
		HistoryPage<TransactionHistory.StoredTransaction> page = transactions.ofAccount(account, null, null, 0, 1);
		assertThat(page.page().totalElements()).isEqualTo(2);
		assertThat(page.content()).singleElement().satisfies(stored -> {
			assertThat(stored.event().eventId()).isEqualTo(newer.id());
			assertThat(stored.event().eventTime()).isEqualTo(newer.time());
			assertThat(stored.occurredAt()).isEqualTo(newer.data().occurredAt());
			assertThat(stored.amount()).isEqualTo(new BigDecimal("99.00"));
		});
		assertThat(transactions.ofAccount(account, null, newer.data().occurredAt(), 0, 10).content())
			.singleElement()
			.satisfies(stored -> assertThat(stored.amount()).isEqualTo(new BigDecimal("1.234")));
		assertThat(users.ofCountry("PT", null, null, 0, 10).content()).singleElement()
			.satisfies(stored -> assertThat(stored.userId()).isEqualTo(user.data().userId()));
		assertThat(readings.ofStation("station-pg", null, null, 0, 10).content()).singleElement()
			.satisfies(stored -> assertThat(stored.pressureHpa()).isNull());
	}

	@Test
	void shouldWriteEverythingOnceWhenTheDatabaseComesBack() throws IOException {
		String station = "station-outage-" + UUID.randomUUID().toString().substring(0, 8);
		long deadLettersBefore = deadLetters();
		var container = listeners.getListenerContainer(WarehouseListeners.WEATHER_READINGS);
		double consumedBefore = consumed(container.metrics());

		postgres.close();
		List<EventEnvelope<WeatherReadingRecorded>> sent = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			sent.add(reading(station, now().minusSeconds(600 - i), null));
		}
		events.send(sent.toArray(EventEnvelope[]::new));
		// The listener has the readings, and found that its connections are gone and no new one can be made.
		await().atMost(TIMEOUT).until(() -> consumed(container.metrics()) >= consumedBefore + sent.size());
		await().atMost(TIMEOUT).until(() -> dataSource.getHikariPoolMXBean().getTotalConnections() == 0);
		postgres = start(port);

		await().atMost(TIMEOUT).ignoreExceptions().until(() -> readings.ofStation(station, null, null, 0, 100).page().totalElements() == 50);
		assertThat(readings.ofStation(station, null, null, 0, 100).content())
			.extracting(stored -> stored.event().eventId())
			.containsExactlyInAnyOrderElementsOf(sent.stream().map(EventEnvelope::id).toList());
		assertThat(deadLetters()).isEqualTo(deadLettersBefore);
	}

	private static EmbeddedPostgres start(int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.start();
	}

	private static double consumed(Map<String, Map<MetricName, ? extends Metric>> metrics) {
		return metrics.values()
			.stream()
			.flatMap(clientMetrics -> clientMetrics.entrySet().stream())
			.filter(entry -> entry.getKey().name().equals("records-consumed-total")
					&& entry.getKey().group().equals("consumer-fetch-manager-metrics")
					&& !entry.getKey().tags().containsKey("topic"))
			.mapToDouble(entry -> ((Number) entry.getValue().metricValue()).doubleValue())
			.sum();
	}

	private long deadLetters() {
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(
				KafkaTestUtils.consumerProps(broker, "dlt-ends", false), new StringDeserializer(),
				new StringDeserializer())
			.createConsumer()) {
			return KafkaTestUtils.getEndOffsets(consumer, "weather.readings-dlt")
				.values()
				.stream()
				.mapToLong(Long::longValue)
				.sum();
		}
	}
}
