package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.eventplatform.local.LocalPlatform;

/**
 * A consumer group of its own on {@code transactions.recorded}: it consumes the platform's transactions while they
 * arrive, commits, and then its only consumer stops (an orderly close, as a service's listener container closes on
 * shutdown), leaving the group with committed offsets and no member while the other tests keep producing. Shared by
 * {@link ConsumerStoppedEndToEndTests}, which stops it early in the run, and
 * {@link ConsumerStoppedAlertMailEndToEndTests}, which waits for the alert mail late in the run.
 */
final class StoppedConsumer {

	static final String GROUP = "e2e-stopped-consumer";

	static final String TOPIC = "transactions.recorded";

	private static volatile Instant stoppedAt;

	private StoppedConsumer() {
	}

	/** When the group lost its last consumer; stops it now if no earlier test did (a class run alone). */
	static synchronized Instant stoppedAt(LocalPlatform platform) throws Exception {
		if (stoppedAt == null) {
			consumeUnderLoadThenStop(platform);
		}
		return stoppedAt;
	}

	private static void consumeUnderLoadThenStop(LocalPlatform platform) throws Exception {
		String token = Platform.token("demo-client", "demo-secret");
		AtomicInteger consumed = new AtomicInteger();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				GROUP, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(TOPIC));
			await("a partition assignment for " + GROUP).atMost(Duration.ofSeconds(60))
				.pollInSameThread()
				.until(() -> !consumer.poll(Duration.ofMillis(200)).isEmpty() || !consumer.assignment().isEmpty());
			// Load while it consumes: transactions through the gateway, each one record on the topic.
			await("transactions consumed by " + GROUP).atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
				recordTransaction(token);
				consumed.addAndGet(consumer.poll(Duration.ofMillis(500)).count());
				consumer.commitSync();
				return consumed.get() >= 3;
			});
		}
		stoppedAt = Instant.now();
		// Load after it stopped too, so that its lag shows the traffic it misses even when no other test runs.
		for (int i = 0; i < 3; i++) {
			recordTransaction(token);
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
			await("no member left in " + GROUP).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP))
					.all()
					.get(10, TimeUnit.SECONDS)
					.get(GROUP);
				assertThat(group.members()).isEmpty();
				assertThat(group.groupState()).isEqualTo(GroupState.EMPTY);
			});
			assertThat(admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS))
				.as("offsets committed by " + GROUP)
				.isNotEmpty();
		}
	}

	/** One transaction through the gateway: one record on {@link #TOPIC}. */
	private static void recordTransaction(String token) {
		HttpResponse<String> recorded = Platform.post("/api/transactions", """
				{"accountId":"ACC-STOP-%s","amount":"12.00","currency":"EUR","direction":"DEBIT","merchant":"Bakery",
				 "merchantCountry":"NL","occurredAt":"%s"}""".formatted(UUID.randomUUID().toString().substring(0, 8),
				Instant.now().truncatedTo(ChronoUnit.SECONDS)), UUID.randomUUID().toString(), token);
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
	}
}
