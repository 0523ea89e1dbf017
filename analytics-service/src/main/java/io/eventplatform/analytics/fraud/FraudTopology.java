package io.eventplatform.analytics.fraud;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.eventplatform.analytics.streams.EventSerde;
import io.eventplatform.analytics.streams.InputStreams;
import io.eventplatform.analytics.streams.JsonSerde;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.transactions.FraudSuspected;

/**
 * The fraud rules, writing to {@code transactions.fraud-alerts} in the same Kafka transaction as the state they read
 * (exactly-once: a crash can neither lose an alert nor write it twice), and the recent alerts for queries.
 */
@Component
class FraudTopology {

	static final String HISTORY_STORE = "fraud-account-history";

	static final String RECENT_ALERTS_STORE = "fraud-recent-alerts";

	/** All recent alerts live under this one key, so one instance answers for all of them. */
	static final String RECENT_ALERTS_KEY = "recent";

	private final FraudProperties properties;

	FraudTopology(FraudProperties properties) {
		this.properties = properties;
	}

	@Autowired
	void build(InputStreams inputs) {
		var alertEvents = EventSerde.of(FraudSuspected.class);
		inputs.builder()
			// Cached like the DSL's stores: updates of one key within a commit reach RocksDB and the changelog once.
			.addStateStore(Stores
				.keyValueStoreBuilder(Stores.persistentKeyValueStore(HISTORY_STORE), Serdes.String(),
						JsonSerde.of(AccountHistory.class))
				.withCachingEnabled());
		KStream<String, EventEnvelope<FraudSuspected>> alerts = inputs.transactions()
			.process(() -> new FraudDetector(properties, HISTORY_STORE), Named.as("fraud-rules"), HISTORY_STORE);
		alerts.to(Topics.TRANSACTIONS_FRAUD_ALERTS.name(),
				Produced.with(Serdes.String(), alertEvents).withName("write-fraud-alerts"));
		alerts.groupBy((account, alert) -> RECENT_ALERTS_KEY, Grouped.with("fraud-alerts-recent", Serdes.String(), alertEvents))
			.aggregate(RecentFraudAlerts::none, (key, alert, recent) -> recent.add(alert),
					Materialized.<String, RecentFraudAlerts, KeyValueStore<Bytes, byte[]>>as(RECENT_ALERTS_STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(JsonSerde.of(RecentFraudAlerts.class)));
	}
}
