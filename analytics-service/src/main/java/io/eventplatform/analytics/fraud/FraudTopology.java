package io.eventplatform.analytics.fraud;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Consumed;
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
 * (exactly-once: a crash can neither lose an alert nor write it twice), and the recent alerts for queries. The
 * thresholds and windows come from {@code analytics.fraud-rules} (a global store) once it holds a valid rule set, else
 * from the configuration.
 */
@Component
class FraudTopology {

	static final String HISTORY_STORE = "fraud-account-history";

	static final String RECENT_ALERTS_STORE = "fraud-recent-alerts";

	/** All recent alerts live under this one key, so one instance answers for all of them. */
	static final String RECENT_ALERTS_KEY = "recent";

	/** The fraud rules in force, from {@code analytics.fraud-rules}: a global store, complete on every instance. */
	static final String RULES_STORE = "fraud-rules";

	static final String RULES_TOPIC = Topics.Names.ANALYTICS_FRAUD_RULES;

	private final FraudProperties properties;

	private final MeterRegistry meters;

	FraudTopology(FraudProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
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
		// A global table of the rules, kept by a processor of ours rather than the DSL's globalTable(): it keeps the last
		// valid rule set when an invalid record arrives (a table would take it in), and Kafka Streams runs it on restore
		// too. In memory: the topic holds one small record, read in full at start-up.
		Counter rejected = Counter.builder(FraudRulesUpdater.REJECTED_METRIC)
			.description("Records of analytics.fraud-rules ignored as no valid rule set")
			.register(meters);
		inputs.builder()
			.addGlobalStore(Stores
				.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RULES_STORE), Serdes.String(),
						JsonSerde.of(FraudRules.class))
				.withLoggingDisabled(), RULES_TOPIC,
					Consumed.with(Serdes.String(), Serdes.serdeFrom(unused(), FraudRulesUpdater.deserializer()))
						.withName("read-" + RULES_TOPIC),
					() -> new FraudRulesUpdater(RULES_STORE, properties.maxRememberedTransactions(), rejected));
		KStream<String, EventEnvelope<FraudSuspected>> alerts = inputs.transactions()
			.process(() -> new FraudDetector(properties, HISTORY_STORE, RULES_STORE), Named.as("fraud-rules"),
					HISTORY_STORE);
		alerts.to(Topics.TRANSACTIONS_FRAUD_ALERTS.name(),
				Produced.with(Serdes.String(), alertEvents).withName("write-fraud-alerts"));
		alerts.groupBy((account, alert) -> RECENT_ALERTS_KEY, Grouped.with("fraud-alerts-recent", Serdes.String(), alertEvents))
			.aggregate(RecentFraudAlerts::none, (key, alert, recent) -> recent.add(alert),
					Materialized.<String, RecentFraudAlerts, KeyValueStore<Bytes, byte[]>>as(RECENT_ALERTS_STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(JsonSerde.of(RecentFraudAlerts.class)));
	}

	/** The source only reads the rules topic; the service writes it with the contract's serializer. */
	private static Serializer<FraudRulesUpdater.Read> unused() {
		return (topic, read) -> {
			throw new UnsupportedOperationException("The fraud rules are written by FraudRulesChanges");
		};
	}
}
