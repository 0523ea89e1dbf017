package io.eventplatform.analytics.overview;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.eventplatform.analytics.streams.HoldsMinutes;

/**
 * Counts a task's events per minute of event time and forwards the counts (see {@link HoldsMinutes}), so the
 * platform-wide count (one key, so one partition) reads a few records per second instead of one per event. The counts
 * are forwarded with their minute's start as the timestamp.
 */
class CountPerTask extends HoldsMinutes<String, String, String, EventCounts, KeyValueStore<Long, EventCounts>> {

	CountPerTask(String storeName) {
		super(storeName);
	}

	@Override
	protected void hold(long minute, Record<String, String> event) {
		EventCounts counts = held().get(minute);
		held().put(minute, (counts == null ? EventCounts.none() : counts).add(event.value()));
	}

	@Override
	protected void forwardBefore(long before) {
		List<KeyValue<Long, EventCounts>> counted = new ArrayList<>();
		try (KeyValueIterator<Long, EventCounts> all = held().all()) {
			all.forEachRemaining(held -> {
				if (held.key < before) {
					counted.add(held);
				}
			});
		}
		for (KeyValue<Long, EventCounts> minute : counted) {
			context().forward(new Record<>(OverviewTopology.PLATFORM_KEY, minute.value, minute.key));
			held().delete(minute.key);
		}
	}
}
