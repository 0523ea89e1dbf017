package io.eventplatform.analytics.registrations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.springframework.stereotype.Service;

import io.eventplatform.analytics.streams.StateStores;

/** Reads the registration counts from the topology's state store. */
@Service
public class RegistrationCounts {

	/** All registrations, and per ISO country code. */
	public record Counts(long total, Map<String, Long> byCountry) {

		/** The counts of two instances, which hold different countries. */
		public Counts plus(Counts other) {
			Map<String, Long> merged = new TreeMap<>(byCountry);
			other.byCountry().forEach((country, count) -> merged.merge(country, count, Long::sum));
			return new Counts(total + other.total(), merged);
		}
	}

	private final StateStores stores;

	RegistrationCounts(StateStores stores) {
		this.stores = stores;
	}

	/** The counts held by this instance (all of them when it is the only one). */
	public Counts current() {
		Map<String, Long> byCountry = stores.query(RegistrationsTopology.BY_COUNTRY_STORE,
				QueryableStoreTypes.<String, Long>keyValueStore(), RegistrationCounts::all);
		return new Counts(byCountry.values().stream().mapToLong(Long::longValue).sum(), byCountry);
	}

	/** One country's registrations per hour of registration, newest first. */
	public record Hourly(String country, List<Hour> hours) {
	}

	public record Hour(Instant start, Instant end, long count) {
	}

	public static final String BY_COUNTRY_STORE = RegistrationsTopology.BY_COUNTRY_STORE;

	public static final String HOURLY_STORE = RegistrationsTopology.BY_COUNTRY_HOURLY_STORE;

	public Hourly hourly(String country, Instant from, Instant to) {
		List<Hour> hours = stores.query(RegistrationsTopology.BY_COUNTRY_HOURLY_STORE,
				QueryableStoreTypes.<String, Long>windowStore(), store -> {
					List<Hour> found = new ArrayList<>();
					try (WindowStoreIterator<Long> windows = store.backwardFetch(country, from, to)) {
						windows.forEachRemaining((KeyValue<Long, Long> window) -> found.add(new Hour(
								Instant.ofEpochMilli(window.key),
								Instant.ofEpochMilli(window.key).plus(RegistrationsTopology.HOUR), window.value)));
					}
					return found;
				});
		return new Hourly(country, hours);
	}

	private static Map<String, Long> all(ReadOnlyKeyValueStore<String, Long> store) {
		Map<String, Long> byCountry = new TreeMap<>();
		try (KeyValueIterator<String, Long> all = store.all()) {
			all.forEachRemaining((KeyValue<String, Long> entry) -> byCountry.put(entry.key, entry.value));
		}
		return byCountry;
	}
}
