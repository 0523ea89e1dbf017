package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.contract.Topics;
import io.eventplatform.e2e.CrashDurabilityEndToEndTests.Request;
import io.eventplatform.e2e.CrashDurabilityEndToEndTests.Tally;
import io.eventplatform.local.LocalPlatform;

/**
 * The seed's promise of replication, proven as Kafka's own {@code replication_test} proves it: the platform runs on
 * three Kafka nodes ({@code ./run.sh --brokers 3}: replication factor 3, {@code min.insync.replicas} 2), clients send
 * registrations, transactions and weather readings through the gateway, and the node that leads most of the
 * partitions they write to is killed with SIGKILL five times, restarted each time. Every request answered 2xx must be on
 * its topic once, in its key's order, and have each consumer's effect exactly once; no call may hang past the gateway's
 * bound.
 */
@ExtendWith(Platform.class)
@Order(90)
class LeaderFailoverEndToEndTests {

	static final int KILLS = 5;

	/** Accounts, each with a client of its own sending its transactions. */
	static final int ACCOUNTS = 3;

	/**
	 * How long each client waits between an acknowledgement and its next request: a steady, modest load (registrations
	 * fewer, so that every welcome mail stays in the local mailbox, which keeps the newest 1,000).
	 */
	static final Duration PAUSE = Duration.ofMillis(300);

	static final Duration REGISTRATION_PAUSE = Duration.ofSeconds(1);

	/** The gateway's read timeout (10 s) and connect timeout (2 s): no call may take longer. */
	static final Duration CALL_BOUND = Duration.ofSeconds(12);

	static final Duration DEADLINE = Duration.ofSeconds(180);

	static final List<String> WRITTEN = List.of(Topics.USERS_REGISTERED.name(), Topics.TRANSACTIONS_RECORDED.name(),
			Topics.WEATHER_READINGS.name());

	@BeforeAll
	static void onThreeBrokers() {
		Platform.onThreeBrokers();
		AnalyticsEndToEndTests.token();
	}

	@Test
	void shouldKeepEveryAcknowledgedEventOnceAndInOrderWhileTheLeaderIsKilledFiveTimes() throws Exception {
		LocalPlatform platform = Platform.get();
		String run = UUID.randomUUID().toString().substring(0, 8);
		Instant occurredAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
		String station = "failover-" + run;
		Instant firstReading = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		LongAccumulator slowestMillis = new LongAccumulator(Math::max, 0);
		// Each client sends its next request once the previous one is acknowledged, for as long as the kills go on:
		// every account's transactions have one client, so they must reach the topic in the order it had them
		// acknowledged. A reading sent again after a 503 has the same id: its consumers count it once.
		List<SteadyClient> accounts = IntStream.range(0, ACCOUNTS)
			.mapToObj(client -> new SteadyClient("/api/transactions", true, i -> new Request(UUID.randomUUID().toString(),
					"""
							{"accountId":"%s","amount":"%d.00","currency":"EUR","direction":"DEBIT","merchant":"Shop",
							 "merchantCountry":"NL","occurredAt":"%s"}""".formatted(account(run, client), 1 + i % 9,
							occurredAt)), slowestMillis))
			.toList();
		SteadyClient registrations = new SteadyClient("/api/users", false,
				i -> new Request(run + "-" + i + "@failover.example.com", """
						{"email":"%s-%d@failover.example.com","displayName":"Failover %d","country":"NL"}"""
					.formatted(run, i, i)), slowestMillis);
		SteadyClient readings = new SteadyClient("/api/weather/readings", false, i -> new Request(station + "#" + i, """
				{"stationId":"%s","observedAt":"%s","temperatureCelsius":%d,"humidityPercent":50}"""
			.formatted(station, firstReading.plusSeconds(60L * i), 5 + i % 10)), slowestMillis);
		List<SteadyClient> clients = new ArrayList<>(accounts);
		clients.add(registrations);
		clients.add(readings);
		ScheduledExecutorService load = Executors.newScheduledThreadPool(clients.size());
		clients.forEach(client -> load.scheduleWithFixedDelay(client, 0,
				(client == registrations ? REGISTRATION_PAUSE : PAUSE).toMillis(), TimeUnit.MILLISECONDS));

		// When the node leading most of the partitions written to is killed five times under that load
		List<Long> unavailableMillis = new ArrayList<>();
		try {
			for (int kill = 0; kill < KILLS; kill++) {
				long before = acknowledged(clients);
				await().atMost(DEADLINE).until(() -> acknowledged(clients) >= before + 20);
				String node = "kafka-broker-" + busiestLeader();
				long acknowledgedAtKill = acknowledged(clients);
				long killedAt = System.nanoTime();
				platform.killPart(node);
				// Writes flow again once the dead node's partitions have new leaders: as many acknowledged as two per
				// client (the figure printed is this time, an upper bound of the pause)
				await().atMost(DEADLINE).until(() -> acknowledged(clients) >= acknowledgedAtKill + 2L * clients.size());
				unavailableMillis.add(Duration.ofNanos(System.nanoTime() - killedAt).toMillis());
				platform.startPart(node);
				await().atMost(DEADLINE).until(LeaderFailoverEndToEndTests::everyReplicaInSync);
			}
		}
		finally {
			load.shutdown();
			assertThat(load.awaitTermination(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("the clients ended").isTrue();
		}
		clients.forEach(SteadyClient::rethrow);

		// Then every acknowledged request is stored once, on its topic once, in the warehouse once, with one mail per
		// user, and each account's transactions are on the topic in the order the client had them acknowledged
		Tally tally = new Tally();
		for (int client = 0; client < ACCOUNTS; client++) {
			List<Request> ofAccount = accounts.get(client).acknowledged;
			CrashDurabilityEndToEndTests.checkTransactions(account(run, client), ofAccount, tally);
			assertThat(transactionIdsOnTopic(account(run, client), ofAccount.size())).as("the order of %s's transactions",
					account(run, client)).containsExactlyElementsOf(acknowledgedIds(ofAccount));
			// The aggregates are queried from the Streams state, which answers 503 while the instance rebalances
			String account = account(run, client);
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(CrashDurabilityEndToEndTests.aggregateCount(account, occurredAt))
					.as("%s's transactions in the analytics aggregate", account)
					.isEqualTo(ofAccount.size()));
		}
		CrashDurabilityEndToEndTests.checkRegistrations(registrations.acknowledged, tally);
		Map<String, Integer> mails = mailCounts(registrations.acknowledged.stream().map(request -> request.key).toList());
		long mailMissing = mails.values().stream().filter(count -> count == 0).count();
		long mailDuplicates = mails.values().stream().mapToLong(count -> Math.max(0, count - 1)).sum();
		int readingCount = readings.acknowledged.size();
		long readingsInWarehouse = CrashDurabilityEndToEndTests.awaitWarehouseCount(
				"/api/analytics/history/stations/" + station + "/readings?size=1", readingCount);
		// Each account's burst (more than five transactions within a minute of one occurred-at) raises one alert
		List<String> alerted = fraudAlertKeys("FAILOVER-" + run, ACCOUNTS);
		System.out.printf("Leader kills through the gateway (3 brokers, RF 3, min.insync.replicas 2): %d kills, "
				+ "acknowledged %d transactions and registrations and %d readings; lost %d, duplicated effects %d, "
				+ "welcome mails missing %d and duplicated %d, readings in the warehouse %d, fraud alerts %d for %d "
				+ "accounts; writes unavailable per kill %s ms; slowest call %d ms (bound %d ms)%n",
				unavailableMillis.size(), tally.acknowledged, readingCount, tally.lost, tally.duplicatedEffects,
				mailMissing, mailDuplicates, readingsInWarehouse, alerted.size(), ACCOUNTS, unavailableMillis,
				slowestMillis.get(), CALL_BOUND.toMillis());
		assertThat(unavailableMillis).as("kills while the load ran").hasSize(KILLS);
		assertThat(tally.lost).as("lost").isZero();
		assertThat(tally.duplicatedEffects).as("duplicated effects").isZero();
		assertThat(tally.retriesNotOriginal).as("retries not answered as the original").isZero();
		assertThat(mailMissing).as("welcome mails missing").isZero();
		assertThat(mailDuplicates).as("welcome mails duplicated").isZero();
		assertThat(readingsInWarehouse).as("readings in the warehouse").isEqualTo(readingCount);
		assertThat(alerted).as("one fraud alert per account").hasSize(ACCOUNTS).doesNotHaveDuplicates();
		assertThat(slowestMillis.get()).as("the slowest call, ms").isLessThanOrEqualTo(CALL_BOUND.toMillis());
	}

	static long acknowledged(List<SteadyClient> clients) {
		return clients.stream().mapToLong(client -> client.acknowledged.size()).sum();
	}

	/** The keys (accounts) of the fraud alerts raised for accounts starting with {@code prefix}, once that many came. */
	static List<String> fraudAlertKeys(String prefix, int expected) {
		try (TopicReader alerts = new TopicReader(Platform.get().kafkaBootstrapServers(),
				Topics.TRANSACTIONS_FRAUD_ALERTS.name())) {
			return alerts.awaitRecords(record -> record.key().startsWith(prefix), expected)
				.stream()
				.map(ConsumerRecord::key)
				.toList();
		}
	}

	/** One client: each run sends its next request until acknowledged (see {@code sendUntilAcknowledged}). */
	static final class SteadyClient implements Runnable {

		final List<Request> acknowledged = new CopyOnWriteArrayList<>();

		private final String path;

		private final boolean idempotencyKey;

		private final IntFunction<Request> next;

		private final LongAccumulator slowestMillis;

		private volatile RuntimeException failure;

		SteadyClient(String path, boolean idempotencyKey, IntFunction<Request> next, LongAccumulator slowestMillis) {
			this.path = path;
			this.idempotencyKey = idempotencyKey;
			this.next = next;
			this.slowestMillis = slowestMillis;
		}

		@Override
		public void run() {
			if (failure != null) {
				return;
			}
			try {
				Request request = next.apply(acknowledged.size());
				CrashDurabilityEndToEndTests.sendUntilAcknowledged(request, path, idempotencyKey,
						slowestMillis::accumulate);
				acknowledged.add(request);
			}
			catch (RuntimeException | AssertionError ex) {
				// A scheduled task that throws is silently cancelled: keep the failure for the test to report.
				failure = ex instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex);
			}
		}

		void rethrow() {
			if (failure != null) {
				throw failure;
			}
		}
	}

	private static String account(String run, int client) {
		return "FAILOVER-" + run + "-" + client;
	}

	/** The node leading most partitions of the topics the load writes to. */
	private static int busiestLeader() throws Exception {
		Map<Integer, Integer> led = new HashMap<>();
		for (TopicPartitionInfo partition : partitionsWritten()) {
			Node leader = partition.leader();
			if (leader != null) {
				led.merge(leader.id(), 1, Integer::sum);
			}
		}
		return led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
	}

	static boolean everyReplicaInSync() throws Exception {
		return partitionsWritten().stream().allMatch(partition -> partition.isr().size() == 3);
	}

	static List<TopicPartitionInfo> partitionsWritten() throws Exception {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.get().kafkaBootstrapServers()))) {
			Collection<TopicDescription> topics = admin.describeTopics(WRITTEN).allTopicNames().get().values();
			return topics.stream().flatMap(topic -> topic.partitions().stream()).toList();
		}
	}

	static List<String> acknowledgedIds(List<Request> requests) {
		return requests.stream()
			.map(request -> Platform.json.readTree(request.acknowledged.get().body()).get("id").asString())
			.toList();
	}

	/** The account's transactions in the order its partition holds them, each event id once. */
	static List<String> transactionIdsOnTopic(String account, int expected) {
		List<String> ids = new ArrayList<>();
		List<String> eventIds = new ArrayList<>();
		try (TopicReader topic = new TopicReader(Platform.get().kafkaBootstrapServers(),
				Topics.TRANSACTIONS_RECORDED.name())) {
			for (ConsumerRecord<String, byte[]> record : topic.awaitRecords(record -> account.equals(record.key()),
					expected)) {
				String eventId = TopicReader.header(record, "ce_id");
				if (!eventIds.contains(eventId)) {
					eventIds.add(eventId);
					ids.add(Platform.json.readTree(record.value()).get("transactionId").asString());
				}
			}
		}
		return ids;
	}

	/** How many mails reached each address, once every address has one or after two minutes. */
	static Map<String, Integer> mailCounts(List<String> addresses) {
		Map<String, Integer> counts = new HashMap<>();
		addresses.forEach(address -> counts.put(address, 0));
		try {
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				counts.replaceAll((address, count) -> count > 0 ? count : mailCount(address));
				return counts.values().stream().allMatch(count -> count > 0);
			});
		}
		catch (ConditionTimeoutException missing) {
			// Counted as missing by the caller
		}
		// Once more for all, so that a second mail that came late is counted too
		counts.replaceAll((address, count) -> mailCount(address));
		return counts;
	}

	static int mailCount(String address) {
		HttpRequest messages = HttpRequest
			.newBuilder(Platform.get()
				.mailApiUrl()
				.resolve("/messages?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8)))
			.GET()
			.build();
		return Platform.json.readTree(Platform.send(messages).body()).size();
	}
}
