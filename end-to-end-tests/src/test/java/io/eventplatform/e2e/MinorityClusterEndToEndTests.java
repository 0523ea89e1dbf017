package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.e2e.CrashDurabilityEndToEndTests.Request;
import io.eventplatform.e2e.CrashDurabilityEndToEndTests.Tally;
import io.eventplatform.local.LocalPlatform;

/**
 * Two of the three Kafka nodes die (SIGKILL): the one left cannot reach {@code min.insync.replicas} 2, and has no
 * controller quorum either. Weather ingest, which answers 202 only once the cluster has a reading, answers 503 with
 * {@code Retry-After} within its bound and says it is not ready; registration and transactions keep answering 201,
 * their events waiting in the outbox, and stay ready. When a second node comes back every accepted event is on its
 * topic once, each account's in the order accepted, with each consumer's effect once.
 */
@ExtendWith(Platform.class)
@Order(91)
class MinorityClusterEndToEndTests {

	static final int ACCEPTED_PER_SERVICE = 5;

	/**
	 * weather-ingest-service's bound (application.yml): {@code max.block.ms} 2 s, then {@code publish-timeout} 6 s;
	 * one more second for the gateway and a busy machine.
	 */
	static final Duration WEATHER_BOUND = Duration.ofSeconds(9);

	/**
	 * Answering 201 needs only the service's database; a request that waited for the cluster would take at least the
	 * producer's {@code max.block.ms} (5 s).
	 */
	static final Duration OUTBOX_BOUND = Duration.ofSeconds(5);

	@BeforeAll
	static void onThreeBrokers() {
		Platform.onThreeBrokers();
		AnalyticsEndToEndTests.token();
	}

	@Test
	void shouldAcceptIntoTheOutboxAndRefuseReadingsWhileTwoOfThreeNodesAreDown() throws Exception {
		LocalPlatform platform = Platform.get();
		String run = UUID.randomUUID().toString().substring(0, 8);
		String account = "MINORITY-" + run;
		String station = "minority-" + run;
		Instant occurredAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
		String reading = """
				{"stationId":"%s","observedAt":"%s","temperatureCelsius":7,"humidityPercent":60}"""
			.formatted(station, occurredAt);
		await().atMost(Duration.ofSeconds(120)).until(LeaderFailoverEndToEndTests::everyReplicaInSync);
		// One of each first, so that the times measured below are not a just-started platform's first requests
		assertThat(CrashDurabilityEndToEndTests.post("/api/users", """
				{"email":"%s-warm@minority.example.com","displayName":"Warm-up","country":"NL"}""".formatted(run), null)
			.statusCode()).isEqualTo(201);
		assertThat(CrashDurabilityEndToEndTests.post("/api/transactions", """
				{"accountId":"WARM-%s","amount":"1.00","currency":"EUR","direction":"DEBIT","merchant":"Shop",
				 "merchantCountry":"NL","occurredAt":"%s"}""".formatted(run, occurredAt), UUID.randomUUID().toString())
			.statusCode()).isEqualTo(201);

		// Given two of the three nodes killed
		platform.killPart("kafka-broker-2");
		platform.killPart("kafka-broker-3");
		try {

			// When clients register users, record transactions and send a reading
			List<Request> registrations = new ArrayList<>();
			List<Request> transactions = new ArrayList<>();
			long slowestOutboxMillis = 0;
			for (int i = 0; i < ACCEPTED_PER_SERVICE; i++) {
				Request user = new Request(run + "-" + i + "@minority.example.com", """
						{"email":"%s-%d@minority.example.com","displayName":"Minority %d","country":"NL"}"""
					.formatted(run, i, i));
				slowestOutboxMillis = Math.max(slowestOutboxMillis, acceptedMillis(user, "/api/users", null));
				registrations.add(user);
				Request transaction = new Request(UUID.randomUUID().toString(), """
						{"accountId":"%s","amount":"%d.00","currency":"EUR","direction":"DEBIT","merchant":"Shop",
						 "merchantCountry":"NL","occurredAt":"%s"}""".formatted(account, 1 + i, occurredAt));
				slowestOutboxMillis = Math.max(slowestOutboxMillis,
						acceptedMillis(transaction, "/api/transactions", transaction.key));
				transactions.add(transaction);
			}
			long started = System.nanoTime();
			HttpResponse<String> refused = CrashDurabilityEndToEndTests.post("/api/weather/readings", reading, null);
			long refusedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

			// Then the outbox services accepted every one at once, weather said 503 within its bound, and readiness says so
			assertThat(slowestOutboxMillis).as("the slowest 201, ms").isLessThanOrEqualTo(OUTBOX_BOUND.toMillis());
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).as("Retry-After").isPresent();
			assertThat(refusedMillis).as("the 503's time, ms").isLessThanOrEqualTo(WEATHER_BOUND.toMillis());
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(readiness("weather-ingest-service")).as("weather-ingest ready")
					.isEqualTo(503));
			assertThat(readiness("registration-service")).as("registration ready").isEqualTo(200);
			assertThat(readiness("transaction-service")).as("transaction ready").isEqualTo(200);

			// When a second node comes back
			long restartedAt = System.nanoTime();
			platform.startPart("kafka-broker-2");

			// Then weather accepts again, the reading once (the 503'd attempt may have reached the log after all: it has
			// the same event id), and every event accepted meanwhile arrives once, each account's in order
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> CrashDurabilityEndToEndTests.post("/api/weather/readings", reading, null).statusCode() == 202);
			long writableAfterMillis = Duration.ofNanos(System.nanoTime() - restartedAt).toMillis();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(readiness("weather-ingest-service")).as("weather-ingest ready")
					.isEqualTo(200));
			Tally tally = new Tally();
			CrashDurabilityEndToEndTests.checkRegistrations(registrations, tally);
			CrashDurabilityEndToEndTests.checkTransactions(account, transactions, tally);
			List<String> order = LeaderFailoverEndToEndTests.transactionIdsOnTopic(account, transactions.size());
			Map<String, Integer> mails = LeaderFailoverEndToEndTests
				.mailCounts(registrations.stream().map(request -> request.key).toList());
			long readingsInWarehouse = CrashDurabilityEndToEndTests
				.awaitWarehouseCount("/api/analytics/history/stations/" + station + "/readings?size=1", 1);
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(CrashDurabilityEndToEndTests.aggregateCount(account, occurredAt))
					.as("the account's transactions in the analytics aggregate")
					.isEqualTo(transactions.size()));
			System.out.printf("Two of three Kafka nodes down: %d users and %d transactions answered 201 (slowest %d ms), "
					+ "a reading answered 503 in %d ms (bound %d ms); writes resumed %d ms after a second node started; "
					+ "lost %d, duplicated effects %d, welcome mails %s%n", registrations.size(), transactions.size(),
					slowestOutboxMillis, refusedMillis, WEATHER_BOUND.toMillis(), writableAfterMillis, tally.lost,
					tally.duplicatedEffects, mails.values());
			assertThat(tally.lost).as("lost").isZero();
			assertThat(tally.duplicatedEffects).as("duplicated effects").isZero();
			assertThat(tally.retriesNotOriginal).as("retries not answered as the original").isZero();
			assertThat(order).as("the account's transactions on the topic")
				.containsExactlyElementsOf(LeaderFailoverEndToEndTests.acknowledgedIds(transactions));
			assertThat(mails.values()).as("welcome mails per user").containsOnly(1);
			assertThat(readingsInWarehouse).as("the reading in the warehouse").isEqualTo(1);
		}
		finally {
			// The cluster whole again, for whatever runs next, whether or not this test passed
			for (String node : List.of("kafka-broker-2", "kafka-broker-3")) {
				if (!platform.isRunning(node)) {
					platform.startPart(node);
				}
			}
		}
		await().atMost(Duration.ofSeconds(120)).until(LeaderFailoverEndToEndTests::everyReplicaInSync);
	}

	/** Sends the request once; it must be answered 201. How long that took. */
	private static long acceptedMillis(Request request, String path, String idempotencyKey) {
		long started = System.nanoTime();
		HttpResponse<String> answer = CrashDurabilityEndToEndTests.post(path, request.body, idempotencyKey);
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(answer.statusCode()).as("%s %s", path, answer.body()).isEqualTo(201);
		request.acknowledged.set(answer);
		return millis;
	}

	private static int readiness(String service) {
		return Platform
			.send(HttpRequest
				.newBuilder(Platform.get().managementUrl(service).resolve("/actuator/health/readiness"))
				.build())
			.statusCode();
	}
}
