package io.eventplatform.local.kafka;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.eventplatform.local.process.ChildProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker process as the launcher starts it: a real KRaft node on free ports that keeps its data across restarts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaBrokerIntegrationTests {

	private static final String TOPIC = "users.registered";

	@TempDir
	static Path temp;

	ChildProcess broker;

	int port;

	int controllerPort;

	/** One broker for both tests (each start costs seconds); each test holds whatever order they run in. */
	@BeforeAll
	void startBrokerOnFreePorts() throws Exception {
		port = freePort();
		controllerPort = freePort();
		startBroker();
	}

	@AfterAll
	void stopBroker() {
		if (broker != null) {
			broker.stop(Duration.ofSeconds(30));
		}
	}

	@Test
	void keepsRecordsWithTheirHeadersAcrossARestartOnTheSameDataDirectory() throws Exception {
		// Given a broker with one record on a topic
		String clusterId;
		try (Admin admin = admin()) {
			clusterId = admin.describeCluster().clusterId().get();
			admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
		}
		try (KafkaProducer<String, String> producer = producer()) {
			ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, "user-1", "{\"userId\":\"user-1\"}");
			record.headers().add("ce_type", "io.eventplatform.users.UserRegistered".getBytes(StandardCharsets.UTF_8));
			record.headers().add("ce_id", "event-1".getBytes(StandardCharsets.UTF_8));
			producer.send(record).get();
		}

		// When it is stopped and started again on the same directory
		broker.stop(Duration.ofSeconds(30));
		assertThat(broker.isAlive()).isFalse();
		startBroker();

		// Then the storage was not formatted again and the record is still there
		try (Admin admin = admin()) {
			assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
		}
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.subscribe(List.of(TOPIC));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> {
					consumer.poll(Duration.ofMillis(200)).records(TOPIC).forEach(records::add);
					return !records.isEmpty();
				});
		}
		assertThat(records).singleElement().satisfies(record -> {
			assertThat(record.key()).isEqualTo("user-1");
			assertThat(record.value()).isEqualTo("{\"userId\":\"user-1\"}");
			assertThat(record.headers().toArray()).extracting(Header::key).containsExactly("ce_type", "ce_id");
			assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
				.isEqualTo("event-1");
		});
	}

	@Test
	void runsWithSingleNodeSettingsAndWithoutAutomaticTopicCreation() throws Exception {
		try (Admin admin = admin()) {
			ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER,
					"1");
			Config config = admin.describeConfigs(Set.of(node)).all().get().get(node);
			assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
			assertThat(config.get("offsets.topic.replication.factor").value()).isEqualTo("1");
			assertThat(config.get("min.insync.replicas").value()).isEqualTo("1");
			assertThat(config.get("group.initial.rebalance.delay.ms").value()).isEqualTo("0");
			assertThat(admin.describeCluster().nodes().get()).singleElement()
				.satisfies(node1 -> assertThat(node1.host()).isEqualTo("127.0.0.1"));
		}
	}

	private void startBroker() {
		KafkaCluster kafka = KafkaCluster.of(temp.resolve("kafka"), port, controllerPort);
		broker = ChildProcess.start("kafka-broker", kafka.command(kafka.node(1)), temp,
				temp.resolve("logs/kafka-broker.log"), Instant.now());
		try (KafkaReadiness readiness = kafka.readiness(kafka.node(1))) {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.failFast("the broker exited; see " + broker.logFile(), () -> !broker.isAlive())
				.until(readiness::isReady);
		}
	}

	private String bootstrapServers() {
		return "127.0.0.1:" + port;
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
	}

	private KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
	}

	private KafkaConsumer<String, String> consumer() {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest"), new StringDeserializer(), new StringDeserializer());
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
