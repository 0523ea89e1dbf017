package io.eventplatform.support.outbox;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
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
		// Accounts of their own, so what other tests left on the topic never mixes in.
		String prefix = "ACC-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		List<EventEnvelope<TransactionRecorded>> events = new ArrayList<>();
		for (int i = 0; i < perAccount; i++) {
			for (int account = 0; account < accounts; account++) {
				events.add(EventEnvelope.of(URI.create("/test"),
						new TransactionRecorded(UUID.randomUUID(), prefix + account, new BigDecimal(i + ".00"), "EUR",
								Direction.DEBIT, "Shop", "DE", Instant.now()), Clock.systemUTC()));
			}
		}
		return events;
	}

	static Map<String, List<String>> idsPerAccount(List<EventEnvelope<TransactionRecorded>> events) {
		Map<String, List<String>> ids = new LinkedHashMap<>();
		events.forEach(event -> ids.computeIfAbsent(event.key(), key -> new ArrayList<>()).add(event.id()));
		return ids;
	}

	/**
	 * Reads the topic from the start until each expected account has at least as many records as expected, then a
	 * little longer so that a duplicate or a stray record would show too; answers what arrived for those accounts.
	 */
	static Map<String, List<String>> readIdsOf(String bootstrapServers, Map<String, List<String>> expected,
			Duration atMost) {
		Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		Map<String, List<String>> ids = new LinkedHashMap<>();
		try (KafkaConsumer<String, EventEnvelope<?>> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
				new EventDeserializer())) {
			consumer.subscribe(List.of("transactions.recorded"));
			org.awaitility.Awaitility.await().atMost(atMost).until(() -> {
				poll(consumer, expected, ids, Duration.ofMillis(200));
				return expected.entrySet()
					.stream()
					.allMatch(entry -> ids.getOrDefault(entry.getKey(), List.of()).size() >= entry.getValue().size());
			});
			poll(consumer, expected, ids, Duration.ofMillis(500));
		}
		return ids;
	}

	private static void poll(KafkaConsumer<String, EventEnvelope<?>> consumer, Map<String, List<String>> expected,
			Map<String, List<String>> ids, Duration timeout) {
		consumer.poll(timeout).forEach(record -> {
			if (expected.containsKey(record.key())) {
				ids.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value().id());
			}
		});
	}
}
