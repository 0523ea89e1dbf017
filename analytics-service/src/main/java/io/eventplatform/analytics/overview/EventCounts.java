package io.eventplatform.analytics.overview;

import java.util.Map;
import java.util.TreeMap;

/** Events counted per topic. */
public record EventCounts(Map<String, Long> byTopic) {

	public EventCounts {
		byTopic = new TreeMap<>(byTopic);
	}

	static EventCounts none() {
		return new EventCounts(Map.of());
	}

	EventCounts add(String topic) {
		Map<String, Long> next = new TreeMap<>(byTopic);
		next.merge(topic, 1L, Long::sum);
		return new EventCounts(next);
	}
}
