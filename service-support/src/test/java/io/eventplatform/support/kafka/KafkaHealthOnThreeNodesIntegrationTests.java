package io.eventplatform.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

import io.eventplatform.local.kafka.KafkaCluster;
import io.eventplatform.local.kafka.KafkaProcesses;

/**
 * Readiness says what is true on three nodes ({@code ./run.sh --brokers 3}): a producer is ready while its topics can
 * take {@code acks=all} writes (two of three replicas in sync), and not once only one node is left, although that node
 * still answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaHealthOnThreeNodesIntegrationTests {

	private static final String TOPIC = "weather.readings";

	@TempDir
	static Path temp;

	private KafkaProcesses nodes;

	private KafkaHealthIndicator health;

	@BeforeAll
	void startThreeNodes() throws Exception {
		KafkaCluster kafka = KafkaCluster.onFreePorts(temp.resolve("kafka"), 3);
		nodes = KafkaProcesses.start(kafka, temp.resolve("logs"), Clock.systemUTC());
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3))).all().get();
		}
		health = new KafkaHealthIndicator(
				new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers())),
				List.of(TOPIC));
	}

	@AfterAll
	void stopNodes() {
		if (health != null) {
			health.destroy();
		}
		if (nodes != null) {
			nodes.close();
		}
	}

	@Test
	void shouldBeReadyWithTwoNodesInSyncAndNotWithOneUntilASecondIsBack() {
		// Given three nodes
		await().atMost(Duration.ofSeconds(30)).until(() -> status().equals(Status.UP));

		// When one is killed, two replicas of each partition stay in sync: writes go on
		nodes.kill(3);
		await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(30)).until(() -> status().equals(Status.UP));

		// When a second is killed, the one left answers but can take no acks=all write
		nodes.kill(2);
		await().atMost(Duration.ofSeconds(30)).until(() -> !status().equals(Status.UP));
		Health down = health.health(true);
		assertThat(down.getStatus()).as(down.toString()).isEqualTo(Status.DOWN);

		// Then a second node back makes it ready again
		nodes.restart(2);
		await().atMost(Duration.ofSeconds(60)).until(() -> status().equals(Status.UP));
	}

	private Status status() {
		return health.health(true).getStatus();
	}
}
