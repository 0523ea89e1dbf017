package io.eventplatform.analytics.overview;

import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serde;

import io.eventplatform.analytics.streams.CompactSerde;

/** Events counted per topic. */
public record EventCounts(Map<String, Long> byTopic) {

	public EventCounts {
		byTopic = new TreeMap<>(byTopic);
	}

	static EventCounts none() {
		return new EventCounts(Map.of());
	}

	/** Read and written back on every event, so in the {@link CompactSerde compact} form. */
	static Serde<EventCounts> serde() {
		return CompactSerde.of(EventCounts.class, (counts, out) -> {
			out.writeInt(counts.byTopic().size());
			for (Map.Entry<String, Long> topic : counts.byTopic().entrySet()) {
				CompactSerde.writeString(topic.getKey(), out);
				out.writeLong(topic.getValue());
			}
		}, in -> {
			int size = in.readInt();
			Map<String, Long> byTopic = new TreeMap<>();
			for (int i = 0; i < size; i++) {
				byTopic.put(CompactSerde.readString(in), in.readLong());
			}
			return new EventCounts(byTopic);
		});
	}

	EventCounts plus(EventCounts other) {
		Map<String, Long> next = new TreeMap<>(byTopic);
		other.byTopic().forEach((topic, count) -> next.merge(topic, count, Long::sum));
		return new EventCounts(next);
	}

	EventCounts add(String topic) {
		Map<String, Long> next = new TreeMap<>(byTopic);
		next.merge(topic, 1L, Long::sum);
		return new EventCounts(next);
	}
}
