package io.eventplatform.analytics.overview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.springframework.stereotype.Service;

import io.eventplatform.analytics.streams.StateStores;

/** Reads the events per topic per minute from this instance's state store. */
@Service
public class OverviewQueries {

	/** Minutes newest first. */
	public record Overview(List<Minute> eventsPerMinute) {
	}

	public record Minute(Instant start, Instant end, EventCounts events) {
	}

	public static final String STORE = OverviewTopology.EVENTS_PER_MINUTE_STORE;

	public static final String KEY = OverviewTopology.PLATFORM_KEY;

	private final StateStores stores;

	OverviewQueries(StateStores stores) {
		this.stores = stores;
	}

	public Overview overview(Instant from, Instant to) {
		return stores.query(STORE, QueryableStoreTypes.<String, EventCounts>windowStore(), store -> {
			List<Minute> minutes = new ArrayList<>();
			try (WindowStoreIterator<EventCounts> windows = store.backwardFetch(KEY, from, to)) {
				windows.forEachRemaining((KeyValue<Long, EventCounts> window) -> minutes
					.add(new Minute(Instant.ofEpochMilli(window.key),
							Instant.ofEpochMilli(window.key).plus(OverviewTopology.MINUTE), window.value)));
			}
			return new Overview(minutes);
		});
	}
}
