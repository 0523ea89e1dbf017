package io.eventplatform.analytics.fraud;

import static io.eventplatform.analytics.streams.TopologyFixture.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import io.eventplatform.analytics.streams.JsonSerde;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.transactions.TransactionRecorded;

/** The rules' cost per transaction, which a burst on one account must not drive up without limit. */
class FraudDetectorTests {

	static final Instant TEN = Instant.parse("2026-11-21T10:00:00Z");

	static final FraudProperties RULES = new FraudProperties(new BigDecimal("10000"), 5, Duration.ofMinutes(1),
			Duration.ofMinutes(30), new BigDecimal("1.00"), new BigDecimal("500"), Duration.ofMinutes(1), 100);

	@Test
	void shouldRememberAtMostTheNewestTransactionsOfABurstAndKeepEachTransactionCheap() {
		MockProcessorContext<String, EventEnvelope<FraudSuspected>> context = new MockProcessorContext<>();
		KeyValueStore<String, AccountHistory> histories = Stores
			.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("histories"), Serdes.String(),
					JsonSerde.of(AccountHistory.class))
			.withLoggingDisabled()
			.build();
		histories.init(context.getStateStoreContext(), histories);
		context.addStateStore(histories);
		KeyValueStore<String, FraudRules> rules = Stores
			.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("rules"), Serdes.String(), JsonSerde.of(FraudRules.class))
			.withLoggingDisabled()
			.build();
		rules.init(context.getStateStoreContext(), rules);
		context.addStateStore(rules);
		FraudDetector detector = new FraudDetector(RULES, "histories", "rules");
		detector.init(context);
		int burst = 3_000;

		// Before the bound, the history held the whole burst and each transaction scanned it quadratically: minutes.
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			for (int i = 0; i < burst; i++) {
				EventEnvelope<TransactionRecorded> event = transaction("a1", "20", "EUR", "NL", TEN.plusMillis(i));
				detector.process(new Record<>("a1", event, TEN.plusMillis(i).toEpochMilli()));
			}
		});

		assertThat(histories.get("a1").entries()).hasSize(RULES.maxRememberedTransactions())
			.last()
			.extracting(AccountHistory.Entry::occurredAt)
			.isEqualTo(TEN.plusMillis(burst - 1));
		// Each run of six transactions not yet alerted on is a window of its own: one alert per six, as before.
		assertThat(context.forwarded()).hasSize(burst / (RULES.maxTransactionsPerWindow() + 1))
			.allSatisfy(alert -> assertThat(alert.record().value().data().rule()).isEqualTo(FraudDetector.TOO_MANY));
	}

	@Test
	void shouldRefuseABoundThatCouldNotHoldOneVelocityWindow() {
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> new FraudProperties(new BigDecimal("10000"), 5, Duration.ofMinutes(1),
					Duration.ofMinutes(30), new BigDecimal("1.00"), new BigDecimal("500"), Duration.ofMinutes(1), 5))
			.withMessageContaining("max-remembered-transactions");
	}
}
