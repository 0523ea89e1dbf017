package io.eventplatform.analytics.overview;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts a task's events per minute of event time in its own store and forwards the counts once a second, and a
 * minute's counts as soon as the task reads an event of a later minute, so the platform-wide count (one key, so one
 * partition) reads a few records per second instead of one per event, and tasks that read a backlog still reach it
 * interleaved minute by minute, as their events did (a task running ahead would otherwise close the windows that
 * another one's counts are still due for). The counts are forwarded with their minute's start as the timestamp, and
 * removed from the store in the same transaction as they are written on, so each event is counted once.
 */
class CountPerTask implements Processor<String, String, String, EventCounts> {

	/** How often the counts so far go to the platform-wide count: the overview is at most this much behind. */
	static final Duration FORWARD_INTERVAL = Duration.ofSeconds(1);

	private final String storeName;

	private ProcessorContext<String, EventCounts> context;

	private KeyValueStore<Long, EventCounts> minutes;

	/** The newest minute this task read an event of since it started: older ones held in the store are complete. */
	private long newestMinute = Long.MIN_VALUE;

	CountPerTask(String storeName) {
		this.storeName = storeName;
	}

	@Override
	public void init(ProcessorContext<String, EventCounts> context) {
		this.context = context;
		this.minutes = context.getStateStore(storeName);
		context.schedule(FORWARD_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> forwardBefore(Long.MAX_VALUE));
	}

	@Override
	public void process(Record<String, String> event) {
		long minute = event.timestamp() - Math.floorMod(event.timestamp(), OverviewTopology.MINUTE.toMillis());
		if (minute > newestMinute) {
			forwardBefore(minute);
			newestMinute = minute;
		}
		EventCounts counts = minutes.get(minute);
		minutes.put(minute, (counts == null ? EventCounts.none() : counts).add(event.value()));
	}

	/** Forwards and forgets the counts of the minutes that start before {@code before}. */
	private void forwardBefore(long before) {
		List<KeyValue<Long, EventCounts>> counted = new ArrayList<>();
		try (KeyValueIterator<Long, EventCounts> all = minutes.all()) {
			all.forEachRemaining(held -> {
				if (held.key < before) {
					counted.add(held);
				}
			});
		}
		for (KeyValue<Long, EventCounts> minute : counted) {
			context.forward(new Record<>(OverviewTopology.PLATFORM_KEY, minute.value, minute.key));
			minutes.delete(minute.key);
		}
	}
}
