package io.eventplatform.e2e;

import static io.eventplatform.e2e.LeaderFailoverEndToEndTests.acknowledged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.e2e.CrashDurabilityEndToEndTests.Request;
import io.eventplatform.e2e.LeaderFailoverEndToEndTests.SteadyClient;
import io.eventplatform.local.LocalPlatform;
import tools.jackson.databind.JsonNode;

/**
 * Two analytics-service instances share the stream tasks on the three-node cluster, each with a standby replica of
 * the other's stores ({@code num.standby.replicas} 1). Under steady traffic through the gateway one of them is killed
 * (SIGKILL) and restarted, four times, the two in turn, each time once the other has held caught-up standbys for a
 * few seconds (as a rolling restart waits). Queries asked of the instance left are mostly answered (for the dead
 * one's keys from its standby, until the group moves the tasks over), every window ends exact, and each account's
 * burst raises one fraud alert.
 */
@ExtendWith(Platform.class)
@Order(92)
class StreamsFailoverEndToEndTests {

	static final int KILLS = 4;

	static final int ACCOUNTS = 3;

	static final Duration PAUSE = Duration.ofMillis(300);

	static final Duration QUERY_INTERVAL = Duration.ofMillis(250);

	static final Duration DEADLINE = Duration.ofSeconds(180);

	/** How long the instance left must have kept caught-up standbys, running, before the other is killed. */
	static final Duration STABLE = Duration.ofSeconds(5);

	/** Kafka Streams' {@code acceptable.recovery.lag} (not set: the default), within which KeyQueries answers. */
	static final long ACCEPTABLE_RECOVERY_LAG = 10_000;

	/**
	 * The share of the queries asked while an instance was down (until it is ready again) that must be answered.
	 * Without a standby, the dead instance's keys get no answer from the kill until the group has noticed (the 10 s
	 * session timeout) and another instance has restored their stores, nor while the restarted one rejoins. With
	 * standbys, 82 to 95 % were answered in the six runs seen. A bound on the longest gap per kill was tried and is not
	 * kept: on this 2-core machine, busy, a rebalance around a kill took 16 to 50 s in some runs (the gaps per kill are
	 * printed).
	 */
	static final double ANSWERED = 0.6;

	@BeforeAll
	static void onThreeBrokers() {
		Platform.onThreeBrokers();
		AnalyticsEndToEndTests.token();
	}

	@Test
	void shouldKeepAnsweringAndEveryWindowExactWhileAnInstanceIsKilledRepeatedly() throws Exception {
		LocalPlatform platform = Platform.get();
		Map<String, URI> instances = Map.of("analytics-service", platform.serviceUrl("analytics-service"),
				"analytics-service-2", platform.startAnalyticsInstance());
		String run = UUID.randomUUID().toString().substring(0, 8);
		// One instant for every transaction of an account: each window that contains it must hold all of them.
		Instant occurredAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
		String station = "streams-failover-" + run;
		LongAccumulator slowestMillis = new LongAccumulator(Math::max, 0);
		List<SteadyClient> accounts = IntStream.range(0, ACCOUNTS)
			.mapToObj(client -> new SteadyClient("/api/transactions", true, i -> new Request(UUID.randomUUID().toString(),
					"""
							{"accountId":"%s","amount":"10.00","currency":"EUR","direction":"DEBIT","merchant":"Shop",
							 "merchantCountry":"NL","occurredAt":"%s"}""".formatted(account(run, client), occurredAt)),
					slowestMillis))
			.toList();
		// Each reading observed just before it is sent: within the hours the station query covers (the last three, from
		// the query's time) however long the test takes, and never later than the weather grace (10 min) behind a
		// partition's stream time, which another test's reading on the same partition may have set to the present.
		SteadyClient readings = new SteadyClient("/api/weather/readings", false, i -> new Request(station + "#" + i, """
				{"stationId":"%s","observedAt":"%s","temperatureCelsius":%d,"humidityPercent":50}"""
			.formatted(station, Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS), 5 + i % 10)),
				slowestMillis);
		List<SteadyClient> clients = new ArrayList<>(accounts);
		clients.add(readings);
		// Queries keep going to whichever instance is alive: an account's aggregate and the station's hours
		Queries queries = new Queries(List.of("/api/analytics/accounts/" + account(run, 0) + "?at=" + occurredAt,
				"/api/analytics/stations/" + station));
		queries.target = instances.get("analytics-service-2");
		List<Long> gapsMillis = new ArrayList<>();
		ScheduledExecutorService load = Executors.newScheduledThreadPool(clients.size() + 1);
		clients.forEach(client -> load.scheduleWithFixedDelay(client, 0, PAUSE.toMillis(), TimeUnit.MILLISECONDS));

		// When one instance and then the other is killed and restarted, under that load
		try {
			for (int kill = 0; kill < KILLS; kill++) {
				String victim = kill % 2 == 0 ? "analytics-service" : "analytics-service-2";
				String survivor = kill % 2 == 0 ? "analytics-service-2" : "analytics-service";
				long before = acknowledged(clients);
				await().atMost(DEADLINE).until(() -> acknowledged(clients) >= before + 20);
				// As a rolling restart does: the instance left must hold caught-up standbys of the victim's tasks, or
				// there is nothing to answer the victim's keys from until the group has moved and restored its tasks.
				// One just restarted is ready before its assignment settles (a follow-up rebalance moves tasks and
				// standbys a few seconds later, which then restore): so for a while, without a rebalance in between.
				await().atMost(DEADLINE)
					.during(STABLE)
					.pollInterval(Duration.ofMillis(500))
					.untilAsserted(() -> assertStandbysCaughtUp(platform, survivor));
				queries.target = instances.get(survivor);
				if (kill == 0) {
					load.scheduleWithFixedDelay(queries, 0, QUERY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
				}
				platform.killPart(victim);
				queries.during = true;
				long killedAt = acknowledged(clients);
				await().atMost(DEADLINE).until(() -> acknowledged(clients) >= killedAt + 20);
				platform.startPart(victim);
				queries.during = false;
				gapsMillis.add(queries.longestGapMillis.getThenReset());
			}
		}
		finally {
			load.shutdown();
			assertThat(load.awaitTermination(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("the clients ended").isTrue();
		}
		clients.forEach(SteadyClient::rethrow);

		// Then every window holds each acknowledged event once, and each account raised one alert
		await().atMost(DEADLINE).untilAsserted(() -> {
			for (int client = 0; client < ACCOUNTS; client++) {
				long count = accounts.get(client).acknowledged.size();
				HttpResponse<String> response = AnalyticsEndToEndTests
					.get("/api/analytics/accounts/" + account(run, client) + "?at=" + occurredAt);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				JsonNode body = Platform.json.readTree(response.body());
				for (String windows : List.of("minute", "hour")) {
					assertThat(body.path(windows)).as("%s windows", windows).isNotEmpty();
					for (JsonNode window : body.path(windows)) {
						JsonNode eur = window.path("volume").path("byCurrency").path("EUR");
						assertThat(eur.path("count").asLong()).as("%s's count", account(run, client)).isEqualTo(count);
						assertThat(eur.path("volume").decimalValue())
							.isEqualByComparingTo(new BigDecimal("10.00").multiply(BigDecimal.valueOf(count)));
					}
				}
			}
			HttpResponse<String> response = AnalyticsEndToEndTests.get("/api/analytics/stations/" + station);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			long counted = 0;
			for (JsonNode hour : Platform.json.readTree(response.body()).path("hours")) {
				counted += hour.path("count").asLong();
			}
			assertThat(counted).as("readings in the station's hours").isEqualTo(readings.acknowledged.size());
		});
		List<String> alerted = LeaderFailoverEndToEndTests.fraudAlertKeys("STREAMS-" + run, ACCOUNTS);
		System.out.printf("Kafka Streams failover (2 analytics instances, standby replicas 1, 3 brokers): %d kills, "
				+ "%d transactions and %d readings acknowledged; queries to the instance left while the other was "
				+ "down: %d asked, %d answered (%d from a standby), unanswered %s, longest without an answer per kill "
				+ "%s ms; fraud alerts %s%n",
				KILLS, acknowledged(accounts), readings.acknowledged.size(), queries.asked.get(),
				queries.answered.get(), queries.stale.get(), queries.unanswered, gapsMillis, alerted);
		assertThat(alerted).as("one alert per account").hasSize(ACCOUNTS).doesNotHaveDuplicates();
		assertThat(queries.asked.get()).as("queries asked while an instance was down").isPositive();
		assertThat(queries.stale.get()).as("queries answered from a standby replica").isPositive();
		assertThat((double) queries.answered.get() / queries.asked.get()).as("share of the queries answered")
			.isGreaterThanOrEqualTo(ANSWERED);
	}

	/** The instance runs (not rebalancing), keeps standby tasks, and its replicas are within the acceptable lag. */
	private static void assertStandbysCaughtUp(LocalPlatform platform, String instance) {
		String scrape = Platform.scrape(platform, instance);
		assertThat(Platform.gauge(scrape, "platform_analytics_streams_standby_tasks")).as("%s's standby tasks", instance)
			.isPositive();
		assertThat(Platform.gauge(scrape, "platform_analytics_streams_replica_lag_records"))
			.as("how far %s's store replicas lag, records", instance)
			.isBetween(0.0, (double) ACCEPTABLE_RECOVERY_LAG);
	}

	private static String account(String run, int client) {
		return "STREAMS-" + run + "-" + client;
	}

	/**
	 * Asks the instance left each query in turn, directly (the gateway routes to the first instance only), counting
	 * the answers while the other instance is down and the longest time without one.
	 */
	static final class Queries implements Runnable {

		final AtomicLong asked = new AtomicLong();

		final AtomicLong answered = new AtomicLong();

		final AtomicLong stale = new AtomicLong();

		final LongAccumulator longestGapMillis = new LongAccumulator(Math::max, 0);

		/** What the queries got instead of an answer while an instance was down: status or exception, and how often. */
		final Map<String, Integer> unanswered = new ConcurrentSkipListMap<>();

		private final List<String> paths;

		volatile URI target;

		volatile boolean during;

		private long lastAnswerNanos = System.nanoTime();

		private int next;

		Queries(List<String> paths) {
			this.paths = paths;
		}

		@Override
		public void run() {
			String path = paths.get(next++ % paths.size());
			boolean counting = during;
			HttpResponse<String> response;
			String failure = "";
			try {
				response = Platform.http.send(HttpRequest.newBuilder(target.resolve(path))
					.timeout(Duration.ofSeconds(10))
					.header("Authorization", "Bearer " + AnalyticsEndToEndTests.token)
					.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (Exception ex) {
				response = null;
				failure = ex.getClass().getSimpleName();
			}
			long now = System.nanoTime();
			boolean ok = response != null && response.statusCode() == 200;
			if (counting) {
				asked.incrementAndGet();
				if (ok) {
					answered.incrementAndGet();
					if (response.headers().firstValue("X-Analytics-Stale").isPresent()) {
						stale.incrementAndGet();
					}
				}
				else {
					unanswered.merge(response == null ? failure : Integer.toString(response.statusCode()), 1,
							Integer::sum);
					longestGapMillis.accumulate(Duration.ofNanos(now - lastAnswerNanos).toMillis());
				}
			}
			if (ok) {
				lastAnswerNanos = now;
			}
		}
	}
}
