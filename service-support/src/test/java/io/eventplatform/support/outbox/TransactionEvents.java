package io.eventplatform.support.outbox;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.EventDeserializer;
import io.eventplatform.contract.transactions.Direction;
import io.eventplatform.contract.transactions.TransactionRecorded;

/** Transactions of a few accounts, interleaved, and what arrived of them on the topic, per account. */
final class TransactionEvents {

	private TransactionEvents() {
	}

	static List<EventEnvelope<TransactionRecorded>> interleaved(int accounts, int perAccount) {
		List<EventEnvelope<TransactionRecorded>> events = new ArrayList<>();
		for (int i = 0; i < perAccount; i++) {
			for (int account = 0; account < accounts; account++) {
				events.add(EventEnvelope.of(URI.create("/test"),
						new TransactionRecorded(UUID.randomUUID(), "ACC-" + account, new BigDecimal(i + ".00"), "EUR",
								Direction.DEBIT, "Shop", "DE", Instant.now())));
			}
		}
		return events;
	}

	static Map<String, List<String>> idsPerAccount(List<EventEnvelope<TransactionRecorded>> events) {
		Map<String, List<String>> ids = new LinkedHashMap<>();
		events.forEach(event -> ids.computeIfAbsent(event.key(), key -> new ArrayList<>()).add(event.id()));
		return ids;
	}

	/** Reads the topic from the start until {@code expected} records arrived (or the time is up). */
	static Map<String, List<String>> readIdsPerAccount(String bootstrapServers, int expected, Duration atMost) {
		Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		Map<String, List<String>> ids = new LinkedHashMap<>();
		int[] count = { 0 };
		try (KafkaConsumer<String, EventEnvelope<?>> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
				new EventDeserializer())) {
			consumer.subscribe(List.of("transactions.recorded"));
			org.awaitility.Awaitility.await().atMost(atMost).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(record -> {
					ids.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value().id());
					count[0]++;
				});
				return count[0] >= expected;
			});
			// Anything more would be a duplicate: give it a moment to show.
			consumer.poll(Duration.ofMillis(500)).forEach(record -> {
				ids.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value().id());
			});
		}
		return ids;
	}
}
