package io.eventplatform.analytics.overview;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.eventplatform.analytics.streams.InputStreams;
import io.eventplatform.analytics.streams.WindowProperties;
import io.eventplatform.contract.Topics;

/**
 * Counts the (de-duplicated) events of every input topic per minute of event time: each task counts its own
 * ({@link CountPerTask}), and one key adds the tasks' counts up.
 */
@Component
class OverviewTopology {

	static final String EVENTS_PER_MINUTE_STORE = "overview-events-per-minute";

	/** Each task's counts not yet forwarded to the platform-wide count. */
	static final String TASK_COUNTS_STORE = "overview-task-counts";

	/** One key for the whole platform, so one instance answers for it. */
	static final String PLATFORM_KEY = "platform";

	static final Duration MINUTE = Duration.ofMinutes(1);

	private final WindowProperties windows;

	OverviewTopology(WindowProperties windows) {
		this.windows = windows;
	}

	@Autowired
	void build(InputStreams inputs) {
		KStream<String, String> topics = inputs.registrations()
			.mapValues(event -> Topics.USERS_REGISTERED.name())
			.merge(inputs.weatherReadings().mapValues(event -> Topics.WEATHER_READINGS.name()))
			.merge(inputs.transactions().mapValues(event -> Topics.TRANSACTIONS_RECORDED.name()));
		Duration retention = windows.retention().compareTo(MINUTE.plus(windows.grace())) >= 0 ? windows.retention()
				: MINUTE.plus(windows.grace());
		inputs.builder()
			.addStateStore(Stores
				.keyValueStoreBuilder(Stores.persistentKeyValueStore(TASK_COUNTS_STORE), Serdes.Long(),
						EventCounts.serde())
				.withCachingEnabled());
		topics.process(() -> new CountPerTask(TASK_COUNTS_STORE), Named.as("overview-count-per-task"), TASK_COUNTS_STORE)
			// A new name: the repartition topic of the topology before it carried one record per event, not counts.
			.groupByKey(Grouped.with("overview-task-counts", Serdes.String(), EventCounts.serde()))
			.windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, windows.grace()))
			.aggregate(EventCounts::none, (key, counted, counts) -> counts.plus(counted),
					Materialized.<String, EventCounts, WindowStore<Bytes, byte[]>>as(EVENTS_PER_MINUTE_STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(EventCounts.serde())
						.withRetention(retention));
	}
}
