package io.eventplatform.analytics.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import io.eventplatform.analytics.streams.HoldsMinutes;
import io.eventplatform.contract.gateway.GatewayRequestCompleted;

/**
 * Adds up a task's calls per route and minute of event time and forwards each route's minute (see
 * {@link HoldsMinutes}), so the route and platform windows (keys of other partitions than the call's client) read a
 * few records per second instead of two repartitioned records per call. A forwarded minute carries the event time of
 * its newest call as its timestamp, so the windows judge lateness (their grace) by the calls' own times: a late call
 * against the newest call forwarded before it (minutes go oldest first), not the newest its task has read.
 */
class TrafficPerTask extends
		HoldsMinutes<String, GatewayRequestCompleted, String, TrafficStats, TimestampedKeyValueStore<String, TrafficStats>> {

	/** {@code storeName}: keyed by {@code <minute start, epoch millis> <route>}; the timestamp is the newest call's. */
	TrafficPerTask(String storeName) {
		super(storeName);
	}

	@Override
	protected void hold(long minute, Record<String, GatewayRequestCompleted> call) {
		String key = minute + " " + WebTopology.routeOf(call.value());
		ValueAndTimestamp<TrafficStats> held = held().get(key);
		TrafficStats stats = held == null ? TrafficStats.none() : held.value();
		long newest = held == null ? call.timestamp() : Math.max(held.timestamp(), call.timestamp());
		held().put(key, ValueAndTimestamp.make(stats.add(call.value()), newest));
	}

	@Override
	protected void forwardBefore(long before) {
		List<KeyValue<String, ValueAndTimestamp<TrafficStats>>> due = new ArrayList<>();
		try (KeyValueIterator<String, ValueAndTimestamp<TrafficStats>> all = held().all()) {
			all.forEachRemaining(held -> {
				if (minuteOf(held.key) < before) {
					due.add(held);
				}
			});
		}
		due.sort(Comparator.comparingLong((KeyValue<String, ValueAndTimestamp<TrafficStats>> held) -> minuteOf(held.key))
			.thenComparingLong(held -> held.value.timestamp()));
		for (KeyValue<String, ValueAndTimestamp<TrafficStats>> held : due) {
			String route = held.key.substring(held.key.indexOf(' ') + 1);
			context().forward(new Record<>(route, held.value.value(), held.value.timestamp()));
			held().delete(held.key);
		}
	}

	private static long minuteOf(String key) {
		return Long.parseLong(key, 0, key.indexOf(' '), 10);
	}
}
