package io.eventplatform.analytics.fraud;

import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.stereotype.Service;

import io.eventplatform.analytics.streams.StateStores;
import io.eventplatform.contract.transactions.FraudRulesChanged;

/**
 * The fraud rules this instance judges transactions by: its global store of {@code analytics.fraud-rules}, else the
 * configured rules. Every instance holds the whole store, so no query is forwarded; a change written a moment ago
 * shows once this instance's global thread has read it (usually well within a second).
 */
@Service
public class FraudRulesQueries {

	private final StateStores stores;

	private final FraudProperties configured;

	FraudRulesQueries(StateStores stores, FraudProperties configured) {
		this.stores = stores;
		this.configured = configured;
	}

	public FraudRules current() {
		FraudRules changed = stores.query(FraudTopology.RULES_STORE,
				QueryableStoreTypes.<String, FraudRules>keyValueStore(), store -> store.get(FraudRulesChanged.KEY));
		return changed != null ? changed : configured.rules();
	}

	/** The bound of each account's history, which a rule set's {@code maxTransactionsPerWindow} must stay below. */
	public int maxRememberedTransactions() {
		return configured.maxRememberedTransactions();
	}
}
