package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.contract.Topics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A 201 survives the service that gave it being killed. Clients post under load (transactions with an
 * {@code Idempotency-Key} each, registrations with an address each) and retry whatever failed with the same key or
 * address; transaction-service and registration-service are killed with SIGKILL meanwhile and started again. Then
 * every acknowledged request exists exactly once in the service's database (read through its API), once by id on its
 * topic after de-duplication by {@code ce_id} and (transactions) once in the warehouse, and every idempotent retry
 * answers the original response. warehouse-service is killed in the middle of its batches: every reading ends in the
 * warehouse once. A record the outbox sends again (same {@code ce_id}) has no second effect.
 */
@ExtendWith(Platform.class)
@Order(12)
class CrashDurabilityEndToEndTests {

	static final int TRANSACTIONS = 150;

	static final int REGISTRATIONS = 60;

	static final int CLIENTS = 3;

	static final int READING_BATCHES = 6;

	static final int READINGS_PER_BATCH = 500;

	static final Duration DEADLINE = Duration.ofSeconds(150);

	@BeforeAll
	static void token() {
		AnalyticsEndToEndTests.token();
	}

	@Test
	void shouldKeepEveryAcknowledgedRequestExactlyOnceWhenServicesAreKilledUnderLoad() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String account = "CRASH-" + run;
		Instant occurredAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
		AtomicInteger acknowledged = new AtomicInteger();

		// Given clients posting transactions and registrations, retrying each failure with the same key or address
		List<Request> transactions = IntStream.range(0, TRANSACTIONS)
			.mapToObj(i -> new Request(UUID.randomUUID().toString(), """
					{"accountId":"%s","amount":"%d.00","currency":"EUR","direction":"DEBIT","merchant":"Shop",
					 "merchantCountry":"NL","occurredAt":"%s"}""".formatted(account, 1 + i % 9, occurredAt)))
			.toList();
		List<Request> registrations = IntStream.range(0, REGISTRATIONS)
			.mapToObj(i -> new Request(run + "-" + i + "@crash.example.com", """
					{"email":"%s-%d@crash.example.com","displayName":"Crash %d","country":"NL"}""".formatted(run, i, i)))
			.toList();
		CompletableFuture<Void> load = CompletableFuture.allOf(
				clients(transactions, "/api/transactions", true, acknowledged),
				clients(registrations, "/api/users", false, acknowledged));

		// When both services are killed (SIGKILL) once a third of the requests is acknowledged, and started again
		await().atMost(DEADLINE).until(() -> acknowledged.get() >= (TRANSACTIONS + REGISTRATIONS) / 3 || load.isDone());
		int acknowledgedBeforeKill = acknowledged.get();
		Platform.get().killPart("transaction-service");
		Platform.get().killPart("registration-service");
		CompletableFuture.allOf(CompletableFuture.runAsync(() -> Platform.get().startPart("transaction-service")),
				CompletableFuture.runAsync(() -> Platform.get().startPart("registration-service")))
			.join();
		load.join();
		assertThat(acknowledgedBeforeKill).as("killed under load").isLessThan(TRANSACTIONS + REGISTRATIONS);

		// Then every transaction is in the database once, on the topic once (by id), in the warehouse once, and a
		// retry with its key answers the original response
		Tally tally = new Tally();
		checkTransactions(account, transactions, tally);
		checkRegistrations(registrations, tally);
		System.out.printf("Crash test (transactions, registrations): acknowledged %d, found %d, lost %d, duplicated "
				+ "effects %d, retries not answered as the original %d (records sent again with the same ce_id, "
				+ "de-duplicated: %d; registrations whose 201 was lost and whose retry got 409: %d; acknowledged before "
				+ "the kill: %d)%n", tally.acknowledged, tally.found, tally.lost, tally.duplicatedEffects,
				tally.retriesNotOriginal, tally.resent, tally.answeredByConflict, acknowledgedBeforeKill);
		assertThat(tally.lost).as("lost").isZero();
		assertThat(tally.duplicatedEffects).as("duplicated effects").isZero();
		assertThat(tally.retriesNotOriginal).as("retries not answered as the original").isZero();
		assertThat(tally.found).isEqualTo(tally.acknowledged);
		assertThat(tally.acknowledged + tally.answeredByConflict).isEqualTo(TRANSACTIONS + REGISTRATIONS);
	}

	@Test
	void shouldWriteEveryReadingToTheWarehouseOnceWhenItIsKilledMidBatch() {
		String station = "crash-" + UUID.randomUUID().toString().substring(0, 8);
		Instant first = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		int total = READING_BATCHES * READINGS_PER_BATCH;
		String readings = "/api/analytics/history/stations/" + station + "/readings?size=1";

		// Given batches of readings being accepted (each 202 only once the broker has them)
		CompletableFuture<Void> posting = CompletableFuture.runAsync(() -> {
			for (int batch = 0; batch < READING_BATCHES; batch++) {
				StringBuilder body = new StringBuilder("[");
				for (int i = 0; i < READINGS_PER_BATCH; i++) {
					int n = batch * READINGS_PER_BATCH + i;
					body.append(n % READINGS_PER_BATCH == 0 ? "" : ",").append("""
							{"stationId":"%s","observedAt":"%s","temperatureCelsius":%d,"humidityPercent":50}"""
						.formatted(station, first.plusSeconds(n), 5 + n % 10));
				}
				String batchBody = body.append(']').toString();
				await().atMost(DEADLINE)
					.ignoreExceptions()
					.until(() -> AnalyticsEndToEndTests.post("/api/weather/readings/batch", batchBody, null)
						.statusCode() == 202);
			}
		});

		// When warehouse-service is killed (SIGKILL) as soon as it has written some of them, and restarted
		AtomicLong lastCount = new AtomicLong();
		await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> {
			lastCount.set(warehouseCount(readings));
			return lastCount.get() > 0;
		});
		Platform.get().killPart("warehouse-service");
		long lastSeenBeforeKill = lastCount.get();
		posting.join();
		Platform.get().startPart("warehouse-service");

		// Then every reading is in the warehouse exactly once
		long found = awaitWarehouseCount(readings, total);
		System.out.printf("Crash test (warehouse batch): acknowledged %d, found %d, lost %d, duplicated effects %d"
				+ " (killed with %d of them written)%n", total, found, Math.max(0, total - found),
				Math.max(0, found - total), lastSeenBeforeKill);
		assertThat(found).isEqualTo(total);
	}

	@Test
	void shouldHaveNoSecondEffectOfARecordSentAgain() throws Exception {
		String account = "RESENT-" + UUID.randomUUID().toString().substring(0, 8);
		Instant occurredAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
		AnalyticsEndToEndTests.transaction(account, "10.00", "NL", occurredAt);

		// Given the transaction's record on the topic
		ConsumerRecord<String, byte[]> recorded;
		try (TopicReader topic = new TopicReader(Platform.get().kafkaBootstrapServers(),
				Topics.TRANSACTIONS_RECORDED.name())) {
			recorded = topic.awaitRecords(record -> account.equals(record.key()), 1).get(0);
		}

		// When the outbox sends it again (same ce_id, headers and body, as after a crash between send and delete),
		// followed by a new transaction of the same account (same partition, so consumers read the copy first)
		try (KafkaProducer<String, byte[]> outbox = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.get().kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			outbox.send(new ProducerRecord<>(recorded.topic(), null, recorded.key(), recorded.value(),
					recorded.headers())).get();
		}
		AnalyticsEndToEndTests.transaction(account, "10.00", "NL", occurredAt);

		// Then the warehouse and the analytics aggregates count two transactions, not three
		await().atMost(DEADLINE).untilAsserted(() -> {
			assertThat(warehouseCount("/api/analytics/history/accounts/" + account + "/transactions?size=1"))
				.isEqualTo(2);
			assertThat(aggregateCount(account, occurredAt)).isEqualTo(2);
		});
		// A little longer: a late second effect would show now
		await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(warehouseCount("/api/analytics/history/accounts/" + account + "/transactions?size=1"))
				.isEqualTo(2);
			assertThat(aggregateCount(account, occurredAt)).isEqualTo(2);
		});
	}

	static void checkTransactions(String account, List<Request> requests, Tally tally) {
		Map<String, JsonNode> acknowledgedById = new HashMap<>();
		for (Request request : requests) {
			JsonNode original = Platform.json.readTree(request.acknowledged.get().body());
			acknowledgedById.put(original.get("id").asString(), original);
			tally.acknowledged++;
			// The same request with the same key, once more: the original answer, not a new transaction
			HttpResponse<String> retry = post("/api/transactions", request.body, request.key);
			if (retry.statusCode() != 201 || !retry.headers().firstValue("Idempotent-Replayed").orElse("").equals("true")
					|| !Platform.json.readTree(retry.body()).equals(original)) {
				tally.retriesNotOriginal++;
			}
		}
		// In the database, through the API
		Set<String> storedOnce = countOnce(allPages("/api/transactions?accountId=" + account, "id"),
				acknowledgedById.keySet(), tally);
		// On the topic, by event id (what consumers de-duplicate by)
		Map<String, Set<String>> eventIdsByTransaction = new HashMap<>();
		try (TopicReader topic = new TopicReader(Platform.get().kafkaBootstrapServers(),
				Topics.TRANSACTIONS_RECORDED.name())) {
			List<ConsumerRecord<String, byte[]>> records = arrived(topic, record -> account.equals(record.key()),
					requests.size());
			tally.resent += records.size();
			for (ConsumerRecord<String, byte[]> record : records) {
				eventIdsByTransaction
					.computeIfAbsent(Platform.json.readTree(record.value()).get("transactionId").asString(),
							key -> new HashSet<>())
					.add(TopicReader.header(record, "ce_id"));
			}
		}
		Set<String> published = publishedOnce(eventIdsByTransaction, acknowledgedById.keySet(), tally);
		tally.resent -= eventIdsByTransaction.values().stream().mapToInt(Set::size).sum();
		// In the warehouse, after its de-duplication
		String warehouse = "/api/analytics/history/accounts/" + account + "/transactions";
		awaitWarehouseCount(warehouse + "?size=1", requests.size());
		Set<String> warehousedOnce = countOnce(allPages(warehouse + "?", "transactionId"), acknowledgedById.keySet(),
				tally);
		storedOnce.retainAll(published);
		storedOnce.retainAll(warehousedOnce);
		tally.found += storedOnce.size();
		tally.lost += requests.size() - storedOnce.size();
	}

	static void checkRegistrations(List<Request> requests, Tally tally) {
		Map<String, String> acknowledgedIdByEmail = new HashMap<>();
		List<String> stored = new ArrayList<>();
		for (Request request : requests) {
			HttpResponse<String> answer = request.acknowledged.get();
			if (answer.statusCode() != 201) {
				// 409: an attempt whose answer the client never got registered the address; it must exist once
				tally.answeredByConflict++;
				continue;
			}
			tally.acknowledged++;
			String id = Platform.json.readTree(answer.body()).get("id").asString();
			acknowledgedIdByEmail.put(request.key, id);
			HttpResponse<String> user = AnalyticsEndToEndTests.get("/api/users/" + id);
			if (user.statusCode() == 200 && Platform.json.readTree(user.body()).get("email").asString().equals(request.key)) {
				stored.add(id);
			}
			// The same address again: the registration stands, no second user
			if (post("/api/users", request.body, null).statusCode() != 409) {
				tally.retriesNotOriginal++;
			}
		}
		Set<String> storedOnce = countOnce(stored, acknowledgedIdByEmail.values(), tally);
		Set<String> emails = new HashSet<>();
		requests.forEach(request -> emails.add(request.key));
		Map<String, Set<String>> eventIdsByUser = new HashMap<>();
		Map<String, Set<String>> usersByEmail = new HashMap<>();
		try (TopicReader topic = new TopicReader(Platform.get().kafkaBootstrapServers(),
				Topics.USERS_REGISTERED.name())) {
			List<ConsumerRecord<String, byte[]>> records = arrived(topic, record -> emails.contains(emailOf(record)),
					requests.size());
			tally.resent += records.size();
			for (ConsumerRecord<String, byte[]> record : records) {
				JsonNode user = Platform.json.readTree(record.value());
				eventIdsByUser.computeIfAbsent(user.get("userId").asString(), key -> new HashSet<>())
					.add(TopicReader.header(record, "ce_id"));
				usersByEmail.computeIfAbsent(user.get("email").asString(), key -> new HashSet<>())
					.add(user.get("userId").asString());
			}
		}
		// One user per address, whether or not the client saw its 201
		tally.duplicatedEffects += usersByEmail.values().stream().mapToInt(users -> users.size() - 1).sum();
		tally.lost += emails.size() - usersByEmail.size();
		Set<String> published = publishedOnce(eventIdsByUser, acknowledgedIdByEmail.values(), tally);
		tally.resent -= eventIdsByUser.values().stream().mapToInt(Set::size).sum();
		storedOnce.retainAll(published);
		tally.found += storedOnce.size();
		tally.lost += acknowledgedIdByEmail.size() - storedOnce.size();
	}

	/** The address a record announces; none for the malformed records other tests put on the topic. */
	private static String emailOf(ConsumerRecord<String, byte[]> record) {
		try {
			return Platform.json.readTree(record.value()).path("email").asString();
		}
		catch (JacksonException malformed) {
			return null;
		}
	}

	/** The acknowledged ids found, each once; an id found twice or one nobody acknowledged is a duplicated effect. */
	private static Set<String> countOnce(List<String> found, Collection<String> acknowledged, Tally tally) {
		Set<String> once = new HashSet<>(found);
		tally.duplicatedEffects += found.size() - once.size();
		for (String id : once) {
			if (!acknowledged.contains(id)) {
				tally.duplicatedEffects++;
			}
		}
		once.retainAll(acknowledged);
		return once;
	}

	/** The acknowledged ids on the topic under exactly one event id; a second event id is a duplicated effect. */
	private static Set<String> publishedOnce(Map<String, Set<String>> eventIdsById, Collection<String> acknowledged,
			Tally tally) {
		Set<String> once = new HashSet<>();
		eventIdsById.forEach((id, eventIds) -> {
			tally.duplicatedEffects += eventIds.size() - 1;
			once.add(id);
		});
		once.retainAll(acknowledged);
		return once;
	}

	/**
	 * Client threads sending the requests one after the other, each until acknowledged: an answer that leaves the
	 * outcome open (no connection, 5xx, a timeout, 409 while an earlier attempt with the key is in progress) is retried
	 * with the same key; a 409 for an address means an earlier attempt registered it.
	 */
	static CompletableFuture<Void> clients(List<Request> requests, String path, boolean idempotencyKey,
			AtomicInteger acknowledged) {
		// A thread per client, not the common pool: no client waits for a free worker.
		ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
		return CompletableFuture.allOf(IntStream.range(0, CLIENTS).mapToObj(client -> CompletableFuture.runAsync(() -> {
			for (int i = client; i < requests.size(); i += CLIENTS) {
				sendUntilAcknowledged(requests.get(i), path, idempotencyKey, millis -> {
				});
				acknowledged.incrementAndGet();
			}
		}, threads)).toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> threads.shutdown());
	}

	/**
	 * Sends the request until it is acknowledged, as a careful client would; {@code callMillis} learns how long each
	 * call took.
	 */
	static void sendUntilAcknowledged(Request request, String path, boolean idempotencyKey, LongConsumer callMillis) {
		await().atMost(DEADLINE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
			HttpResponse<String> answer;
			long started = System.nanoTime();
			try {
				answer = post(path, request.body, idempotencyKey ? request.key : null);
			}
			catch (UncheckedIOException ex) {
				return false;
			}
			finally {
				callMillis.accept(Duration.ofNanos(System.nanoTime() - started).toMillis());
			}
			int status = answer.statusCode();
			if (status / 100 == 2 || (!idempotencyKey && status == 409)) {
				request.acknowledged.set(answer);
				return true;
			}
			// 409 with a key: an earlier attempt with it is still being processed (its answer timed out)
			assertThat(status).as(answer.body()).matches(code -> code >= 500 || code == 409, "open outcome");
			return false;
		});
	}

	static HttpResponse<String> post(String path, String body, String idempotencyKey) {
		return Platform.post(path, body, idempotencyKey, AnalyticsEndToEndTests.token);
	}

	/** One field of every item of a paged list ({@code content} and {@code page.totalPages}). */
	private static List<String> allPages(String path, String field) {
		List<String> values = new ArrayList<>();
		for (int page = 0;; page++) {
			HttpResponse<String> answer = AnalyticsEndToEndTests
				.get(path + (path.endsWith("?") ? "" : "&") + "size=100&page=" + page);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			JsonNode body = Platform.json.readTree(answer.body());
			body.get("content").forEach(item -> values.add(item.get(field).asString()));
			if (page + 1 >= body.get("page").get("totalPages").asLong()) {
				return values;
			}
		}
	}

	/** The matching records once {@code count} arrived, or what arrived within a minute. */
	private static List<ConsumerRecord<String, byte[]>> arrived(TopicReader topic,
			Predicate<ConsumerRecord<String, byte[]>> matching, int count) {
		try {
			return topic.awaitRecords(matching, count);
		}
		catch (ConditionTimeoutException missing) {
			return topic.received(matching);
		}
	}

	/** The rows in the warehouse once {@code expected} are there, or what is there after a wait. */
	static long awaitWarehouseCount(String path, long expected) {
		try {
			await().atMost(Duration.ofSeconds(90)).until(() -> warehouseCount(path) >= expected);
		}
		catch (ConditionTimeoutException missing) {
			// Reported as lost below
		}
		return warehouseCount(path);
	}

	private static long warehouseCount(String path) {
		HttpResponse<String> page = AnalyticsEndToEndTests.get(path);
		return page.statusCode() == 200 ? Platform.json.readTree(page.body()).get("page").get("totalElements").asLong()
				: -1;
	}

	static long aggregateCount(String account, Instant at) {
		HttpResponse<String> response = AnalyticsEndToEndTests.get("/api/analytics/accounts/" + account + "?at=" + at);
		if (response.statusCode() != 200) {
			return -1;
		}
		JsonNode minute = Platform.json.readTree(response.body()).path("minute");
		return minute.isEmpty() ? 0 : minute.get(0).path("volume").path("byCurrency").path("EUR").path("count").asLong();
	}

	/** One request of a client: its key (an idempotency key, or the address registered) and body. */
	static final class Request {

		final String key;

		final String body;

		final AtomicReference<HttpResponse<String>> acknowledged = new AtomicReference<>();

		Request(String key, String body) {
			this.key = key;
			this.body = body;
		}
	}

	static final class Tally {

		long acknowledged;

		long found;

		long lost;

		long duplicatedEffects;

		long retriesNotOriginal;

		long answeredByConflict;

		long resent;
	}
}
