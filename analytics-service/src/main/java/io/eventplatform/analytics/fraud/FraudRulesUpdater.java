package io.eventplatform.analytics.fraud;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.EventDeserializer;
import io.eventplatform.contract.transactions.FraudRulesChanged;

/**
 * Keeps the global store of the fraud rules: every instance reads all of {@code analytics.fraud-rules} (a global
 * table), so each judges the next transaction by the newest valid rule set. It runs on Kafka Streams' global thread,
 * which no handler protects (an exception there stops the whole client): a record that is not a valid rule set is
 * logged once, counted, and skipped, and the store keeps the rules it had. A tombstone removes the rule set, so the
 * configured defaults apply again. Kafka Streams runs records through this processor also while it restores the
 * store at start-up, so a restart skips the same records.
 */
final class FraudRulesUpdater implements Processor<String, FraudRulesUpdater.Read, Void, Void> {

	/**
	 * A record of the topic as read: the rule set, or why it is none. Never an exception: what is no valid rule set is
	 * this processor's to skip and count, not the dead-letter handlers' (a compacted topic has no dead-letter topic).
	 */
	record Read(@Nullable FraudRules rules, @Nullable String problem) {
	}

	static final String REJECTED_METRIC = "platform.analytics.fraud.rules.rejected";

	private static final Logger log = LoggerFactory.getLogger(FraudRulesUpdater.class);

	private final String storeName;

	private final int maxRememberedTransactions;

	private final Counter rejected;

	private @Nullable ProcessorContext<Void, Void> context;

	private @Nullable KeyValueStore<String, FraudRules> rules;

	FraudRulesUpdater(String storeName, int maxRememberedTransactions, Counter rejected) {
		this.storeName = storeName;
		this.maxRememberedTransactions = maxRememberedTransactions;
		this.rejected = rejected;
	}

	/** Reads a record as an event of the contract, whatever its bytes. */
	static Deserializer<Read> deserializer() {
		EventDeserializer events = new EventDeserializer();
		return new Deserializer<>() {
			@Override
			public @Nullable Read deserialize(String topic, byte @Nullable [] data) {
				return data == null ? null : new Read(null, "record has no CloudEvents headers");
			}

			@Override
			public @Nullable Read deserialize(String topic, Headers headers, byte @Nullable [] data) {
				if (data == null) {
					return null;
				}
				try {
					EventEnvelope<?> event = events.deserialize(topic, headers, data);
					if (event.data() instanceof FraudRulesChanged changed) {
						return new Read(FraudRules.of(changed), null);
					}
					return new Read(null, "record carries " + event.type() + ", not FraudRulesChanged");
				}
				catch (RuntimeException ex) {
					return new Read(null, String.valueOf(ex.getMessage()));
				}
			}
		};
	}

	@Override
	public void init(ProcessorContext<Void, Void> context) {
		this.context = context;
		this.rules = context.getStateStore(storeName);
	}

	@Override
	public void process(Record<String, Read> record) {
		KeyValueStore<String, FraudRules> store = Objects.requireNonNull(rules, "init");
		Read read = record.value();
		if (!FraudRulesChanged.KEY.equals(record.key())) {
			reject("its key is not " + FraudRulesChanged.KEY);
		}
		else if (read == null) {
			store.delete(FraudRulesChanged.KEY);
			log.info("The fraud rule set was removed ({}); the configured rules apply", where());
		}
		else if (read.rules() == null) {
			reject(String.valueOf(read.problem()));
		}
		else {
			List<String> problems = read.rules().problems(maxRememberedTransactions);
			if (problems.isEmpty()) {
				store.put(FraudRulesChanged.KEY, read.rules());
				log.info("Fraud rules changed by {} at {} ({}): {}", read.rules().changedBy(), read.rules().changedAt(),
						where(), read.rules());
			}
			else {
				reject(String.join("; ", problems));
			}
		}
	}

	private void reject(String problem) {
		rejected.increment();
		log.warn("Ignored a record of {} that is not a valid fraud rule set ({}): {}; the rules in force stay",
				FraudTopology.RULES_TOPIC, where(), problem);
	}

	private String where() {
		return Optional.ofNullable(context)
			.flatMap(ProcessorContext::recordMetadata)
			.map(RecordMetadata::offset)
			.map(offset -> "offset " + offset)
			.orElse("offset unknown");
	}
}
