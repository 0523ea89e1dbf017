package io.eventplatform.analytics.registrations;

import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Service;

import io.eventplatform.analytics.streams.StateStores;

/** Reads the registration counts from the topology's state store. */
@Service
public class RegistrationCounts {

	/** All registrations, and per ISO country code. */
	public record Counts(long total, Map<String, Long> byCountry) {
	}

	private final StateStores stores;

	RegistrationCounts(StateStores stores) {
		this.stores = stores;
	}

	public Counts current() {
		Map<String, Long> byCountry = stores.query(RegistrationsTopology.BY_COUNTRY_STORE,
				QueryableStoreTypes.<String, Long>keyValueStore(), RegistrationCounts::all);
		return new Counts(byCountry.values().stream().mapToLong(Long::longValue).sum(), byCountry);
	}

	private static Map<String, Long> all(ReadOnlyKeyValueStore<String, Long> store) {
		Map<String, Long> byCountry = new TreeMap<>();
		try (KeyValueIterator<String, Long> all = store.all()) {
			all.forEachRemaining((KeyValue<String, Long> entry) -> byCountry.put(entry.key, entry.value));
		}
		return byCountry;
	}
}
