package io.eventplatform.analytics.fraud;

import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.stereotype.Service;

import io.eventplatform.analytics.streams.StateStores;

/** Reads the recent fraud alerts from this instance's state store. */
@Service
public class FraudAlertQueries {

	public static final String STORE = FraudTopology.RECENT_ALERTS_STORE;

	public static final String KEY = FraudTopology.RECENT_ALERTS_KEY;

	private final StateStores stores;

	FraudAlertQueries(StateStores stores) {
		this.stores = stores;
	}

	public RecentFraudAlerts recent() {
		RecentFraudAlerts recent = stores.query(STORE, QueryableStoreTypes.<String, RecentFraudAlerts>keyValueStore(),
				store -> store.get(KEY));
		return recent == null ? RecentFraudAlerts.none() : recent;
	}
}
