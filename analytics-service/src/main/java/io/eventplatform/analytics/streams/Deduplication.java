package io.eventplatform.analytics.streams;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import io.eventplatform.contract.EventEnvelope;

/**
 * Drops an event whose id was already seen within the retention. Exactly-once processing stops Kafka Streams from
 * counting one record twice; this stops one event from counting twice when its producer sent it twice (an outbox
 * retry after a lost acknowledgement). Copies of an event share its key and its time (the record timestamp is the
 * event's own), so they meet in one task and one store, under one window start.
 */
public final class Deduplication {

	private Deduplication() {
	}

	public static <K, T> KStream<K, EventEnvelope<T>> distinct(KStream<K, EventEnvelope<T>> events, String storeName) {
		return events.processValues(() -> new DropSeen<>(storeName), storeName);
	}

	public static StoreBuilder<WindowStore<String, Long>> store(String storeName, Duration retention) {
		return Stores.windowStoreBuilder(Stores.persistentWindowStore(storeName, retention, retention, false),
				Serdes.String(), Serdes.Long());
	}

	private static final class DropSeen<K, V extends EventEnvelope<?>> implements FixedKeyProcessor<K, V, V> {

		private final String storeName;

		private FixedKeyProcessorContext<K, V> context;

		private WindowStore<String, Long> seen;

		DropSeen(String storeName) {
			this.storeName = storeName;
		}

		@Override
		public void init(FixedKeyProcessorContext<K, V> context) {
			this.context = context;
			this.seen = context.getStateStore(storeName);
		}

		@Override
		public void process(FixedKeyRecord<K, V> record) {
			String id = record.value().id();
			long time = record.timestamp();
			// A copy of an event carries its time, so one point lookup (not a range scan) finds the first one.
			if (seen.fetch(id, time) != null) {
				return;
			}
			seen.put(id, time, time);
			context.forward(record);
		}
	}
}
