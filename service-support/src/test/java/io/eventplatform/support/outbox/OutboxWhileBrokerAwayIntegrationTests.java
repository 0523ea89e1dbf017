package io.eventplatform.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.local.kafka.KafkaCluster;
import io.eventplatform.local.kafka.KafkaReadiness;
import io.eventplatform.local.process.ChildProcess;

/**
 * The broker goes away while the service keeps accepting: the events are stored, and once the broker is back every
 * one of them is on the topic exactly once, in order per key, without restarting the service. A real broker process
 * (the one {@code ./run.sh} starts) is stopped and started again on its data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=outbox-test", "platform.kafka.produces=transactions.recorded", "platform.outbox.enabled=true",
				"spring.datasource.url=jdbc:h2:mem:outbox-away;DB_CLOSE_DELAY=-1",
				"spring.kafka.producer.properties.max.block.ms=1000",
				"spring.kafka.producer.properties.delivery.timeout.ms=3000",
				"spring.kafka.producer.properties.request.timeout.ms=1000", "platform.outbox.retry-interval=500ms" })
class OutboxWhileBrokerAwayIntegrationTests {

	@TempDir
	static Path temp;

	static int port;

	static int controllerPort;

	static ChildProcess broker;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	static void startBroker() {
		port = freePort();
		controllerPort = freePort();
		broker = start();
	}

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + port);
	}

	@AfterAll
	static void stopBroker() {
		if (broker != null) {
			broker.stop(Duration.ofSeconds(20));
		}
	}

	@Test
	void shouldKeepEventsWhileTheBrokerIsAwayAndPublishEachOnceInOrderWhenItIsBack() {
		broker.stop(Duration.ofSeconds(20));
		List<EventEnvelope<TransactionRecorded>> events = TransactionEvents.interleaved(3, 10);

		events.forEach(event -> transactions.executeWithoutResult(status -> outbox.add(event)));
		assertThat(pending()).isEqualTo(events.size());
		// The stuck events age (what the OutboxEventsPendingTooLong alert watches), and are young again once published.
		await().atMost(Duration.ofSeconds(10)).until(() -> oldestAgeSeconds() >= 1.0);

		broker = start();
		await().atMost(Duration.ofSeconds(60)).until(() -> pending() == 0);
		assertThat(oldestAgeSeconds()).isZero();
		assertThat(TransactionEvents.readIdsOf("127.0.0.1:" + port, TransactionEvents.idsPerAccount(events),
				Duration.ofSeconds(30)))
			.isEqualTo(TransactionEvents.idsPerAccount(events));
	}

	private double oldestAgeSeconds() {
		return meters.get("platform.outbox.oldest.age.seconds").tag("type", "TransactionRecorded").gauge().value();
	}

	private long pending() {
		return jdbc.sql("SELECT COUNT(*) FROM platform_outbox").query(Long.class).single();
	}

	private static ChildProcess start() {
		KafkaCluster kafka = KafkaCluster.of(temp.resolve("kafka"), port, controllerPort);
		ChildProcess started = ChildProcess.start("kafka-broker", kafka.command(kafka.node(1)), temp,
				temp.resolve("kafka-broker.log"), Instant.now());
		try (KafkaReadiness readiness = kafka.readiness(kafka.node(1))) {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.failFast("the broker exited; see " + started.logFile(), () -> !started.isAlive())
				.until(readiness::isReady);
		}
		return started;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
