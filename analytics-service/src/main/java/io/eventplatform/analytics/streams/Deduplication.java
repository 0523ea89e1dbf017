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
import org.apache.kafka.streams.state.WindowStoreIterator;

import io.eventplatform.contract.EventEnvelope;

/**
 * Drops an event whose id was already seen within the retention. Exactly-once processing stops Kafka Streams from
 * counting one record twice; this stops one event from counting twice when its producer sent it twice (an outbox
 * retry after a lost acknowledgement). Events with one id share a key, so they meet in one task and one store.
 */
public final class Deduplication {

	private Deduplication() {
	}

	public static <K, T> KStream<K, EventEnvelope<T>> distinct(KStream<K, EventEnvelope<T>> events, String storeName,
			Duration retention) {
		return events.processValues(() -> new DropSeen<>(storeName, retention.toMillis()), storeName);
	}

	public static StoreBuilder<WindowStore<String, Long>> store(String storeName, Duration retention) {
		return Stores.windowStoreBuilder(Stores.persistentWindowStore(storeName, retention, retention, false),
				Serdes.String(), Serdes.Long());
	}

	private static final class DropSeen<K, V extends EventEnvelope<?>> implements FixedKeyProcessor<K, V, V> {

		private final String storeName;

		private final long retentionMillis;

		private FixedKeyProcessorContext<K, V> context;

		private WindowStore<String, Long> seen;

		DropSeen(String storeName, long retentionMillis) {
			this.storeName = storeName;
			this.retentionMillis = retentionMillis;
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
			try (WindowStoreIterator<Long> earlier = seen.fetch(id, time - retentionMillis, time + retentionMillis)) {
				if (earlier.hasNext()) {
					return;
				}
			}
			seen.put(id, time, time);
			context.forward(record);
		}
	}
}
