package io.eventplatform.warehouse;

import static io.eventplatform.warehouse.WarehouseEvents.now;
import static io.eventplatform.warehouse.WarehouseEvents.reading;
import static io.eventplatform.warehouse.WarehouseEvents.transaction;
import static io.eventplatform.warehouse.WarehouseEvents.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.eventplatform.warehouse.TransactionHistory.StoredTransaction;
import io.eventplatform.warehouse.UserHistory.StoredUser;
import io.eventplatform.warehouse.ReadingHistory.StoredReading;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/**
 * The warehouse on its default database (an H2 file in PostgreSQL mode) against a real broker: what it writes, what
 * it refuses, and the history queries over it.
 */
@SpringBootTest(properties = "platform.data-dir=./target/warehouse-sync-tests/${random.uuid}")
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
		"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class WarehouseSyncIntegrationTests {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserHistory users;

	@Autowired
	TransactionHistory transactions;

	@Autowired
	ReadingHistory readings;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	static WarehouseEvents events;

	@BeforeAll
	static void producer(@Autowired EmbeddedKafkaBroker broker) {
		events = new WarehouseEvents(broker);
	}

	@AfterAll
	static void closeProducer() {
		events.close();
	}

	@Test
	void shouldWriteEveryFieldOfEachEventType() {
		EventEnvelope<UserRegistered> user = user("IS");
		EventEnvelope<TransactionRecorded> transaction = transaction("ACC-FIELDS", "12.50", now().minusSeconds(60));
		EventEnvelope<WeatherReadingRecorded> withBarometer = reading("station-fields", now().minusSeconds(120),
				1013.2);
		EventEnvelope<WeatherReadingRecorded> withoutBarometer = reading("station-fields", now().minusSeconds(60),
				null);
		Instant before = Instant.now();

		events.send(user, transaction, withBarometer, withoutBarometer);

		await().atMost(TIMEOUT).until(() -> readings.ofStation("station-fields", null, null, 0, 10).content().size() == 2
				&& !users.ofCountry("IS", null, null, 0, 10).content().isEmpty()
				&& !transactions.ofAccount("ACC-FIELDS", null, null, 0, 10).content().isEmpty());
		StoredUser storedUser = users.ofCountry("IS", null, null, 0, 10).content().get(0);
		assertThat(storedUser).usingRecursiveComparison()
			.ignoringFields("event.writtenAt")
			.isEqualTo(new StoredUser(metadata(user), user.data().userId(), user.data().email(),
					user.data().displayName(), user.data().country(), user.data().marketingConsent()));
		assertThat(storedUser.event().writtenAt()).isAfterOrEqualTo(before.minusSeconds(1));
		TransactionRecorded recorded = transaction.data();
		assertThat(transactions.ofAccount("ACC-FIELDS", null, null, 0, 10).content()).singleElement()
			.usingRecursiveComparison()
			.ignoringFields("event.writtenAt")
			.isEqualTo(new StoredTransaction(metadata(transaction), recorded.transactionId(), recorded.accountId(),
					new BigDecimal("12.50"), "EUR", recorded.direction(), recorded.merchant(),
					recorded.merchantCountry(), recorded.occurredAt()));
		assertThat(readings.ofStation("station-fields", null, null, 0, 10).content())
			.usingRecursiveFieldByFieldElementComparatorIgnoringFields("event.writtenAt")
			.containsExactly(stored(withoutBarometer), stored(withBarometer));
		assertThat(jdbc.queryForObject("SELECT amount FROM transactions WHERE event_id = ?", BigDecimal.class,
				transaction.id())).isEqualByComparingTo("12.50");
	}

	@Test
	void shouldChangeNothingWhenAnEventIsDeliveredAgain() {
		EventEnvelope<WeatherReadingRecorded> reading = reading("station-again", now().minusSeconds(300), 1001.0);
		events.send(reading);
		await().atMost(TIMEOUT).until(() -> rows("weather_readings", "station_id", "station-again") == 1);
		Map<String, Object> first = jdbc.queryForMap("SELECT * FROM weather_readings WHERE event_id = ?",
				reading.id());

		// The same event again (a producer's retry, a redelivery), then a marker behind it on the same partition.
		EventEnvelope<WeatherReadingRecorded> marker = reading("station-again", now(), null);
		events.send(reading, marker);

		await().atMost(TIMEOUT).until(() -> rows("weather_readings", "station_id", "station-again") >= 2);
		assertThat(rows("weather_readings", "station_id", "station-again")).isEqualTo(2);
		assertThat(jdbc.queryForMap("SELECT * FROM weather_readings WHERE event_id = ?", reading.id()))
			.isEqualTo(first);
	}

	@Test
	void shouldKeepOneRowPerStationAndInstantAsTheReadingsKey() {
		// weather-ingest-service derives a reading's event id from its station and observed-at time: a second event of
		// the same station and instant is the same reading, sent again by something that made up another id.
		Instant observedAt = now().minusSeconds(240);
		EventEnvelope<WeatherReadingRecorded> reading = reading("station-key", observedAt, 1001.0);
		events.send(reading);
		await().atMost(TIMEOUT).until(() -> rows("weather_readings", "station_id", "station-key") == 1);

		EventEnvelope<WeatherReadingRecorded> sameInstant = reading("station-key", observedAt, 990.0);
		EventEnvelope<WeatherReadingRecorded> marker = reading("station-key", now(), null);
		events.send(sameInstant, marker);

		await().atMost(TIMEOUT).until(() -> rows("weather_readings", "station_id", "station-key") >= 2);
		assertThat(rows("weather_readings", "station_id", "station-key")).isEqualTo(2);
		assertThat(jdbc.queryForList("SELECT event_id FROM weather_readings WHERE observed_at = ?", String.class,
				observedAt.atOffset(ZoneOffset.UTC)))
			.containsExactly(reading.id());
	}

	@Test
	void shouldDeadLetterAReadingThatBreaksTheContractAndWriteTheRestOfItsBatch() {
		String station = "station-poison";
		String tooLong = station + "-" + "x".repeat(64);
		EventEnvelope<WeatherReadingRecorded> before = reading(station, now().minusSeconds(30), null);
		EventEnvelope<WeatherReadingRecorded> poison = new EventEnvelope<>(UUID.randomUUID().toString(),
				before.source(), now(), new WeatherReadingRecorded(tooLong, now().minusSeconds(20), 1.0, 2.0, null));
		EventEnvelope<WeatherReadingRecorded> after = reading(station, now().minusSeconds(10), null);

		inOnePoll(WarehouseListeners.WEATHER_READINGS, () -> events.send(before, poison, after));

		await().atMost(TIMEOUT).until(() -> rows("weather_readings", "station_id", station) == 2);
		assertThat(readings.ofStation(station, null, null, 0, 10).content())
			.extracting(stored -> stored.event().eventId())
			.containsExactly(after.id(), before.id());
		ConsumerRecord<String, byte[]> dead = deadLetter("weather.readings-dlt", tooLong);
		assertThat(new String(dead.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
			.isEqualTo(poison.id());
		assertThat(dead.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
		assertThat(rows("weather_readings", "station_id", tooLong)).isZero();
	}

	@Test
	void shouldDeadLetterAMalformedRecordWithItsOriginalBytesAndWriteTheRestOfItsBatch() {
		String account = "ACC-MALFORMED";
		EventEnvelope<TransactionRecorded> before = transaction(account, "1.00", now().minusSeconds(30));
		EventEnvelope<TransactionRecorded> after = transaction(account, "2.00", now().minusSeconds(10));

		inOnePoll(WarehouseListeners.TRANSACTIONS,
				() -> events.send(before).sendMalformed("transactions.recorded", account).send(after));

		await().atMost(TIMEOUT).until(() -> rows("transactions", "account_id", account) == 2);
		ConsumerRecord<String, byte[]> dead = deadLetter("transactions.recorded-dlt", account);
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not-json");
		assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-cause-fqcn").value(),
				StandardCharsets.UTF_8)).isEqualTo(DeserializationException.class.getName());
		assertThat(rows("transactions", "account_id", account)).isEqualTo(2);
	}

	@Test
	void shouldCommitInAGroupOfItsOwnAfterWriting() {
		EventEnvelope<UserRegistered> user = user("MT");
		events.send(user);
		await().atMost(TIMEOUT).until(() -> rows("users", "country", "MT") == 1);

		await().atMost(TIMEOUT)
			.until(() -> committed(WarehouseListeners.USERS) == endOffsets(Topics.USERS_REGISTERED.name()));
	}

	/** Fuller fetches for the readings only: the listeners of rare events keep Kafka's defaults (idle cost). */
	@Test
	void shouldFetchReadingsInBatchesOfUpTo64KilobytesOr20MillisecondsAndTheRestAsKafkaDoes() {
		assertThat(consumerProperties(WarehouseListeners.WEATHER_READINGS))
			.containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536")
			.containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
		for (String listener : List.of(WarehouseListeners.USERS, WarehouseListeners.TRANSACTIONS)) {
			assertThat(consumerProperties(listener)).doesNotContainKeys(ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
					ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
		}
		assertThat(consumers.getConfigurationProperties()).doesNotContainKeys(ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
				ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
	}

	/** What a listener's container gives its consumer on top of the consumer factory's configuration. */
	private Map<Object, Object> consumerProperties(String listener) {
		return Map.copyOf(listeners.getListenerContainer(listener).getContainerProperties().getKafkaConsumerProperties());
	}

	@Test
	void shouldChangeNoRowWhenAnAdministratorReplaysTheTopics() {
		Instant from = Instant.now();
		String account = "ACC-REPLAY-" + UUID.randomUUID();
		events.send(user("CY"), transaction(account, "5.00", now().minusSeconds(5)),
				transaction(account, "6.00", now()), reading("station-replay", now(), 990.5));
		await().atMost(TIMEOUT).until(() -> rows("transactions", "account_id", account) == 2);
		Map<String, List<Map<String, Object>>> before = tables();
		assertThat(mvc.post()
			.uri("/api/warehouse/admin/replay")
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_analytics:read")))
			.contentType("application/json")
			.content("{\"from\":\"" + from + "\"}")).hasStatus(403);

		assertThat(mvc.post()
			.uri("/api/warehouse/admin/replay")
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_platform:admin")))
			.contentType("application/json")
			.content("{\"from\":\"" + from.minusSeconds(1) + "\"}")).hasStatus(202)
			.bodyJson()
			.extractingPath("$.groups[*].groupId")
			.asArray()
			.containsExactly(WarehouseListeners.TRANSACTIONS, WarehouseListeners.USERS,
					WarehouseListeners.WEATHER_READINGS);

		// Rewound: each group has read the topic again up to its end.
		await().atMost(TIMEOUT).until(() -> committed(WarehouseListeners.USERS) == endOffsets("users.registered")
				&& committed(WarehouseListeners.TRANSACTIONS) == endOffsets("transactions.recorded")
				&& committed(WarehouseListeners.WEATHER_READINGS) == endOffsets("weather.readings"));
		assertThat(tables()).isEqualTo(before);
	}

	@Test
	void shouldPageAnAccountsTransactionsNewestFirstWithinTheRange() {
		String account = "ACC-PAGES-" + UUID.randomUUID();
		Instant base = Instant.parse("2026-11-20T10:00:00Z");
		for (int minute = 0; minute < 5; minute++) {
			events.send(transaction(account, minute + ".00", base.plusSeconds(60L * minute)));
		}
		events.send(transaction("ACC-SOMEONE-ELSE", "9.99", base.plusSeconds(60)));
		await().atMost(TIMEOUT).until(() -> rows("transactions", "account_id", account) == 5);

		assertThat(get("/api/analytics/history/accounts/" + account + "/transactions?size=2&page=0")).hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"content":[{"amount":"4.00","occurredAt":"2026-11-20T10:04:00Z"},
					            {"amount":"3.00","occurredAt":"2026-11-20T10:03:00Z"}],
					 "page":{"size":2,"number":0,"totalElements":5,"totalPages":3}}""");
		assertThat(get("/api/analytics/history/accounts/" + account + "/transactions?size=2&page=2")).hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"content":[{"amount":"0.00","accountId":"%s","currency":"EUR","direction":"DEBIT",
					             "merchant":"Coffee Corner","merchantCountry":"DE",
					             "eventSource":"/transaction-service"}],
					 "page":{"size":2,"number":2,"totalElements":5,"totalPages":3}}""".formatted(account));
		// from is inclusive, to exclusive
		assertThat(get("/api/analytics/history/accounts/" + account
				+ "/transactions?from=2026-11-20T10:01:00Z&to=2026-11-20T10:03:00Z"))
			.hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"content":[{"amount":"2.00"},{"amount":"1.00"}],"page":{"totalElements":2}}""");
	}

	@Test
	void shouldAnswerAStationsReadingsAndACountrysUsers() {
		String station = "station-" + UUID.randomUUID().toString().substring(0, 8);
		Instant base = Instant.parse("2026-11-20T06:00:00Z");
		events.send(reading(station, base, 1000.0), reading(station, base.plusSeconds(3600), null),
				reading("station-elsewhere", base, null), user("LU"), user("LU"), user("LI"));
		await().atMost(TIMEOUT).until(() -> rows("weather_readings", "station_id", station) == 2
				&& rows("users", "country", "LU") == 2 && rows("users", "country", "LI") == 1);

		assertThat(get("/api/analytics/history/stations/" + station + "/readings?from=2026-11-20T06:30:00Z"))
			.hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"content":[{"stationId":"%s","observedAt":"2026-11-20T07:00:00Z","temperatureCelsius":7.5,
					             "humidityPercent":81.0,"pressureHpa":null}],
					 "page":{"totalElements":1}}""".formatted(station));
		// A client without platform:admin sees personal data masked (HistoryAccessIntegrationTests has the matrix).
		assertThat(get("/api/analytics/history/users?country=LU")).hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"content":[{"country":"LU","email":"s***@example.com","displayName":"S***","marketingConsent":true},
					            {"country":"LU"}],
					 "page":{"totalElements":2}}""");
	}

	@Test
	void shouldAnswerProblemsNamingTheParameterThatIsWrong() {
		String transactions = "/api/analytics/history/accounts/ACC-1/transactions";
		assertThat(get(transactions + "?size=101")).hasStatus(400)
			.hasContentType("application/problem+json")
			.bodyJson()
			.isLenientlyEqualTo("""
					{"status":400,"errors":[{"field":"size","rule":"Max"}]}""");
		assertThat(get(transactions + "?page=-1")).hasStatus(400)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"errors":[{"field":"page","rule":"Min"}]}""");
		assertThat(get(transactions + "?from=yesterday")).hasStatus(400)
			.hasContentType("application/problem+json")
			.bodyJson()
			.isLenientlyEqualTo("""
					{"status":400,"errors":[{"field":"from","rule":"format"}]}""");
		assertThat(get(transactions + "?from=2026-11-21T10:00:00Z&to=2026-11-21T09:00:00Z")).hasStatus(400)
			.hasContentType("application/problem+json")
			.bodyJson()
			.isLenientlyEqualTo("""
					{"status":400,"errors":[{"field":"to","rule":"AfterFrom"}]}""");
		assertThat(get("/api/analytics/history/users?country=gbr")).hasStatus(400)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"errors":[{"field":"country","rule":"Pattern"}]}""");
		assertThat(get("/api/analytics/history/users")).hasStatus(400)
			.hasContentType("application/problem+json");
	}

	@Test
	void shouldRequireTheAnalyticsScope() {
		assertThat(mvc.get().uri("/api/analytics/history/users?country=GB")).hasStatus(401);
		assertThat(mvc.get()
			.uri("/api/analytics/history/users?country=GB")
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_users:read")))).hasStatus(403);
	}

	private MockMvcTester.MockMvcRequestBuilder get(String uri) {
		return mvc.get().uri(uri).with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_analytics:read")));
	}

	/** Stops the listener while the records are sent, so that they arrive together, in one poll. */
	private void inOnePoll(String listenerId, Runnable send) {
		var container = listeners.getListenerContainer(listenerId);
		container.stop();
		send.run();
		container.start();
	}

	private long rows(String table, String column, String value) {
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Long.class,
				value);
		return count == null ? 0 : count;
	}

	private ConsumerRecord<String, byte[]> deadLetter(String topic, String key) {
		try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
				KafkaTestUtils.consumerProps(broker, "dlt-reader-" + UUID.randomUUID(), false),
				new StringDeserializer(), new ByteArrayDeserializer())
			.createConsumer()) {
			consumer.subscribe(List.of(topic));
			return await().atMost(TIMEOUT).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						return record;
					}
				}
				return null;
			}, record -> record != null);
		}
	}

	private Map<String, List<Map<String, Object>>> tables() {
		return Map.of("users", jdbc.queryForList("SELECT * FROM users ORDER BY event_id"), "transactions",
				jdbc.queryForList("SELECT * FROM transactions ORDER BY event_id"), "weather_readings",
				jdbc.queryForList("SELECT * FROM weather_readings ORDER BY event_id"));
	}

	private long committed(String group) throws Exception {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
			return admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get()
				.values()
				.stream()
				.mapToLong(OffsetAndMetadata::offset)
				.sum();
		}
	}

	private long endOffsets(String topic) {
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(
				KafkaTestUtils.consumerProps(broker, "ends", false), new StringDeserializer(),
				new StringDeserializer())
			.createConsumer()) {
			return KafkaTestUtils.getEndOffsets(consumer, topic).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private static StoredEvent metadata(EventEnvelope<?> event) {
		return new StoredEvent(event.id(), event.time(), event.source().toString(), null);
	}

	private static StoredReading stored(EventEnvelope<WeatherReadingRecorded> reading) {
		WeatherReadingRecorded data = reading.data();
		return new StoredReading(metadata(reading), data.stationId(), data.observedAt(), data.temperatureCelsius(),
				data.humidityPercent(), data.pressureHpa());
	}
}
