package io.eventplatform.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes as {@code ./run.sh --brokers 3} starts them. The proof follows Kafka's own {@code replication_test}:
 * steady keyed writes with {@code acks=all}, the leader of the partitions written to killed with SIGKILL five times and
 * restarted each time; it passes only if every acknowledged record is on the topic exactly once and in its key's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaClusterIntegrationTests {

	private static final String TOPIC = "replicated";

	private static final int PARTITIONS = 3;

	private static final int KEYS = 12;

	private static final int KILLS = 5;

	@TempDir
	static Path temp;

	private KafkaCluster kafka;

	private KafkaProcesses nodes;

	@BeforeAll
	void startThreeNodes() throws Exception {
		kafka = KafkaCluster.onFreePorts(temp.resolve("kafka"), 3);
		nodes = KafkaProcesses.start(kafka, temp.resolve("logs"), Clock.systemUTC());
	}

	@AfterAll
	void stopNodes() {
		nodes.close();
	}

	@Test
	void replicatesEveryTopicThreeTimesAndAcknowledgesOnceTwoHaveIt() throws Exception {
		try (Admin admin = admin()) {
			for (KafkaCluster.Node node : kafka.nodes()) {
				ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(node.id()));
				Config config = admin.describeConfigs(Set.of(broker)).all().get().get(broker);
				assertThat(config.get("default.replication.factor").value()).isEqualTo("3");
				assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
				assertThat(config.get("offsets.topic.replication.factor").value()).isEqualTo("3");
				assertThat(config.get("transaction.state.log.replication.factor").value()).isEqualTo("3");
				assertThat(config.get("unclean.leader.election.enable").value()).isEqualTo("false");
			}
			assertThat(admin.describeCluster().nodes().get()).hasSize(3);
			assertThat(admin.describeCluster().clusterId().get()).isEqualTo(kafka.clusterId());
		}
	}

	@Test
	void losesNoAcknowledgedRecordAndKeepsEachKeysOrderWhileItsLeaderIsKilledFiveTimes() throws Exception {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 3))).all().get();
		}
		Writer writer = new Writer();
		ScheduledExecutorService writing = Executors.newSingleThreadScheduledExecutor();
		// Steady, not flat out: the three nodes and their restarts need the machine's cores too.
		writing.scheduleWithFixedDelay(writer, 0, 20, TimeUnit.MILLISECONDS);
		List<Long> unavailableMillis = new ArrayList<>();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledged.size() >= 200);
			for (int kill = 0; kill < KILLS; kill++) {
				int leader = leaderOfPartitionZero();
				long acknowledgedBefore = writer.acknowledged.size();
				long killedAt = System.nanoTime();
				nodes.kill(leader);
				// Writes carry on once a replica in sync has taken over the killed node's partitions.
				await().atMost(Duration.ofSeconds(60))
					.until(() -> writer.acknowledgedSince(killedAt, acknowledgedBefore) >= 2L * PARTITIONS * KEYS);
				unavailableMillis.add(writer.longestPauseBetween(killedAt, System.nanoTime()));
				nodes.restart(leader);
				// Back in sync before the next kill: with two of three out, no write could reach min.insync.replicas.
				await().atMost(Duration.ofSeconds(60)).until(this::everyReplicaInSync);
			}
		}
		finally {
			writer.running.set(false);
			writing.shutdown();
			assertThat(writing.awaitTermination(60, TimeUnit.SECONDS)).as("the writes ended").isTrue();
			writer.close();
		}
		assertThat(writer.failures).as("sends that failed").isEmpty();

		Map<String, List<Long>> onTopic = readAll(writer.acknowledged.size());
		Set<String> keys = new TreeSet<>();
		writer.acknowledged.forEach(sent -> keys.add(sent.key()));
		long lost = 0;
		long duplicated = 0;
		for (String key : keys) {
			List<Long> sequence = onTopic.getOrDefault(key, List.of());
			Set<Long> distinct = new HashSet<>(sequence);
			lost += writer.acknowledgedOf(key).stream().filter(sent -> !distinct.contains(sent)).count();
			duplicated += sequence.size() - distinct.size();
			assertThat(sequence).as("the records of key %s in the order they were sent", key).isSorted();
		}
		System.out.printf("Leader kills (3 nodes, RF 3, min.insync.replicas 2): %d kills, acknowledged %d, lost %d, "
				+ "duplicated %d, writes unavailable per kill %s ms%n", KILLS, writer.acknowledged.size(), lost,
				duplicated, unavailableMillis);
		assertThat(lost).isZero();
		assertThat(duplicated).isZero();
	}

	private int leaderOfPartitionZero() throws Exception {
		try (Admin admin = admin()) {
			TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
			return topic.partitions().get(0).leader().id();
		}
	}

	private boolean everyReplicaInSync() throws Exception {
		try (Admin admin = admin()) {
			TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
			return topic.partitions().stream().map(TopicPartitionInfo::isr).allMatch(isr -> isr.size() == 3);
		}
	}

	/** Each key's sequence numbers in the order the topic holds them. */
	private Map<String, List<Long>> readAll(int atLeast) {
		Map<String, List<Long>> byKey = new LinkedHashMap<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
						"check-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (int partition = 0; partition < PARTITIONS; partition++) {
				partitions.add(new TopicPartition(TOPIC, partition));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			AtomicLong read = new AtomicLong();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					byKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(Long.parseLong(record.value()));
					read.incrementAndGet();
				}
				return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
			});
			assertThat(read.get()).isGreaterThanOrEqualTo(atLeast);
		}
		return byKey;
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
	}

	record Sent(String key, long sequence, long acknowledgedAtNanos) {
	}

	/**
	 * Each run sends every key its next sequence number and waits until the cluster acknowledged them, idempotent with
	 * {@code acks=all} as the platform's producers are, and records what the cluster acknowledged.
	 */
	private final class Writer implements Runnable, AutoCloseable {

		final AtomicBoolean running = new AtomicBoolean(true);

		final List<Sent> acknowledged = Collections.synchronizedList(new ArrayList<>());

		final ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();

		private final KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
						"all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
						ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
						10_000),
				new StringSerializer(), new StringSerializer());

		private final long[] next = new long[KEYS];

		@Override
		public void run() {
			if (!running.get()) {
				return;
			}
			List<Future<?>> round = new ArrayList<>();
			for (int key = 0; key < KEYS; key++) {
				String name = "key-" + key;
				long sequence = next[key]++;
				round.add(producer.send(new ProducerRecord<>(TOPIC, name, Long.toString(sequence)),
						(metadata, failure) -> {
							if (failure == null) {
								acknowledged.add(new Sent(name, sequence, System.nanoTime()));
							}
							else {
								failures.add(failure);
							}
						}));
			}
			for (Future<?> sent : round) {
				try {
					sent.get();
				}
				catch (Exception ex) {
					// Recorded by the callback; a key's later records must not overtake a failed one.
					running.set(false);
				}
			}
		}

		@Override
		public void close() {
			producer.close();
		}

		long acknowledgedSince(long nanos, long before) {
			synchronized (acknowledged) {
				return acknowledged.subList((int) before, acknowledged.size())
					.stream()
					.filter(sent -> sent.acknowledgedAtNanos() > nanos)
					.count();
			}
		}

		/** The longest time without an acknowledgement between two instants: how long writes were unavailable. */
		long longestPauseBetween(long from, long to) {
			long longest = 0;
			long previous = from;
			synchronized (acknowledged) {
				for (Sent sent : acknowledged) {
					if (sent.acknowledgedAtNanos() > from && sent.acknowledgedAtNanos() <= to) {
						longest = Math.max(longest, sent.acknowledgedAtNanos() - previous);
						previous = sent.acknowledgedAtNanos();
					}
				}
			}
			return TimeUnit.NANOSECONDS.toMillis(longest);
		}

		List<Long> acknowledgedOf(String key) {
			synchronized (acknowledged) {
				return acknowledged.stream().filter(sent -> sent.key().equals(key)).map(Sent::sequence).toList();
			}
		}
	}
}
