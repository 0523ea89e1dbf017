package io.eventplatform.analytics.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventplatform.analytics.streams.TopologyFixture;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.transactions.FraudRulesChanged;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.transactions.TransactionRecorded;

/** The rules changed at run time through {@code analytics.fraud-rules}, read as a global store. */
class FraudRulesTopologyTests {

	static final Instant TEN = Instant.parse("2026-11-21T10:00:00Z");

	static final FraudProperties CONFIGURED = FraudTopologyTests.RULES;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private TopologyFixture topology;

	@BeforeEach
	void start() {
		topology = new TopologyFixture(TEN, Clock.fixed(TEN, ZoneOffset.UTC),
				inputs -> new FraudTopology(CONFIGURED, meters).build(inputs));
	}

	@AfterEach
	void stop() {
		topology.close();
	}

	@Test
	void shouldFlagAnAmountTheConfiguredThresholdLetsThroughOnceARuleSetLowersIt() {
		send("a1", "5000", "NL", TEN);
		assertThat(alerts()).isEmpty();

		changeRules(rules().largeAmount("1000"));
		EventEnvelope<TransactionRecorded> next = send("a1", "5000", "NL", TEN.plusSeconds(1));

		List<FraudSuspected> alerts = alerts();
		assertThat(alerts).extracting(FraudSuspected::rule).containsExactly("amount-above-threshold");
		assertThat(alerts.get(0).transactionIds()).containsExactly(next.data().transactionId());
		assertThat(alerts.get(0).explanation()).isEqualTo("Amount 5000 EUR is above the threshold of 1000");
	}

	@Test
	void shouldLetThroughAnAmountTheConfiguredThresholdFlagsOnceARuleSetRaisesIt() {
		send("a1", "15000", "NL", TEN);
		assertThat(alerts()).extracting(FraudSuspected::rule).containsExactly("amount-above-threshold");

		changeRules(rules().largeAmount("20000"));
		send("a1", "15000", "NL", TEN.plusSeconds(1));

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldCountTransactionsWithinAVelocityWindowMadeLonger() {
		changeRules(rules().velocityWindow(Duration.ofMinutes(2)));

		// Six transactions over 100 s: the configured minute never holds more than five of them.
		for (int i = 0; i < 6; i++) {
			send("a1", "10", "NL", TEN.plusSeconds(i * 20));
		}

		List<FraudSuspected> alerts = alerts();
		assertThat(alerts).extracting(FraudSuspected::rule).containsExactly("too-many-transactions");
		assertThat(alerts.get(0).explanation()).isEqualTo("6 transactions within PT2M, more than the 5 allowed");
	}

	@Test
	void shouldAllowMoreTransactionsOnceARuleSetRaisesTheCount() {
		changeRules(rules().maxTransactionsPerWindow(10));

		for (int i = 0; i < 8; i++) {
			send("a1", "10", "NL", TEN.plusSeconds(i));
		}

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldRememberAnAccountsTransactionsForTheLongestWindowOfTheRulesInForce() {
		changeRules(rules().countryChangeWindow(Duration.ofHours(2)));

		send("a1", "20", "NL", TEN);
		send("a1", "20", "NL", TEN.plus(Duration.ofMinutes(31)));
		assertThat(history("a1")).hasSize(2);
		send("a1", "20", "DE", TEN.plus(Duration.ofMinutes(100)));

		// 100 minutes apart: beyond the configured 30, within the two hours now in force.
		assertThat(alerts()).extracting(FraudSuspected::rule).containsExactly("two-countries");
	}

	@Test
	void shouldForgetSoonerOnceTheRulesInForceLookLessFarBack() {
		changeRules(rules().countryChangeWindow(Duration.ofMinutes(1)));

		send("a1", "20", "NL", TEN);
		send("a1", "20", "NL", TEN.plus(Duration.ofMinutes(2)));

		assertThat(history("a1")).hasSize(1);
	}

	@Test
	void shouldKeepTheLastValidRulesAndCarryOnWhenARulesRecordIsMalformedOrInvalid() {
		changeRules(rules().largeAmount("1000"));

		topology.sendRaw(Topics.ANALYTICS_FRAUD_RULES.name(), FraudRulesChanged.KEY,
				"{not json".getBytes(StandardCharsets.UTF_8));
		changeRules(rules().largeAmount("0"));
		changeRules(rules().maxTransactionsPerWindow(CONFIGURED.maxRememberedTransactions()));
		changeRules(rules().velocityWindow(Duration.ofMinutes(-1)));
		sendRules("another-key", rules().largeAmount("2000").build());
		sendRulesBytes(FraudRulesChanged.KEY, "{\"largeAmount\":\"12\"}");
		sendRulesBytes(FraudRulesChanged.KEY, "{not json");
		send("a1", "5000", "NL", TEN);

		assertThat(alerts()).extracting(FraudSuspected::explanation)
			.containsExactly("Amount 5000 EUR is above the threshold of 1000");
		assertThat(meters.counter(FraudRulesUpdater.REJECTED_METRIC).count()).isEqualTo(7);
		assertThat(rulesInStore().largeAmount()).isEqualByComparingTo("1000");
		assertThat(topology.deadLetters()).isEmpty();
	}

	@Test
	void shouldGoBackToTheConfiguredRulesWhenTheRuleSetIsRemoved() {
		changeRules(rules().largeAmount("1000"));
		topology.driver()
			.createInputTopic(Topics.ANALYTICS_FRAUD_RULES.name(), new StringSerializer(), new StringSerializer())
			.pipeInput(FraudRulesChanged.KEY, (String) null);

		send("a1", "5000", "NL", TEN);

		assertThat(alerts()).isEmpty();
		assertThat(rulesInStore()).isNull();
	}

	@Test
	void shouldKeepWhoChangedTheRulesAndWhen() {
		changeRules(rules().largeAmount("1000"));

		assertThat(rulesInStore()).satisfies(rules -> {
			assertThat(rules.changedBy()).isEqualTo("operator");
			assertThat(rules.changedAt()).isEqualTo(TEN);
			assertThat(rules.velocityWindow()).isEqualTo(Duration.ofMinutes(1));
		});
	}

	private void changeRules(RulesBuilder rules) {
		topology.send(TopologyFixture.event(rules.build(), TEN), TEN);
	}

	private void sendRules(String key, FraudRulesChanged rules) {
		topology.driver()
			.createInputTopic(Topics.ANALYTICS_FRAUD_RULES.name(), new StringSerializer(), new EventSerializer())
			.pipeInput(new TestRecord<>(key, TopologyFixture.event(rules, TEN), new RecordHeaders(), TEN));
	}

	/** Data that is not a whole rule set, under headers that are right. */
	private void sendRulesBytes(String key, String json) {
		RecordHeaders headers = new RecordHeaders();
		new EventSerializer().serialize(Topics.ANALYTICS_FRAUD_RULES.name(), headers,
				TopologyFixture.event(rules().build(), TEN));
		topology.driver()
			.createInputTopic(Topics.ANALYTICS_FRAUD_RULES.name(), new StringSerializer(),
					new org.apache.kafka.common.serialization.ByteArraySerializer())
			.pipeInput(new TestRecord<>(key, json.getBytes(StandardCharsets.UTF_8), headers, TEN));
	}

	private FraudRules rulesInStore() {
		KeyValueStore<String, FraudRules> store = topology.driver().getKeyValueStore(FraudTopology.RULES_STORE);
		return store.get(FraudRulesChanged.KEY);
	}

	private List<AccountHistory.Entry> history(String account) {
		KeyValueStore<String, AccountHistory> histories = topology.driver().getKeyValueStore(FraudTopology.HISTORY_STORE);
		return histories.get(account).entries();
	}

	private EventEnvelope<TransactionRecorded> send(String account, String amount, String country, Instant at) {
		return FraudTopologyTests.send(topology, account, amount, country, at);
	}

	private List<FraudSuspected> alerts() {
		return FraudTopologyTests.alerts(topology);
	}

	private static RulesBuilder rules() {
		return new RulesBuilder();
	}

	/** The configured rules, one of them changed. */
	private static final class RulesBuilder {

		private BigDecimal largeAmount = CONFIGURED.largeAmount();

		private int maxTransactionsPerWindow = CONFIGURED.maxTransactionsPerWindow();

		private Duration velocityWindow = CONFIGURED.velocityWindow();

		private Duration countryChangeWindow = CONFIGURED.countryChangeWindow();

		RulesBuilder largeAmount(String amount) {
			largeAmount = new BigDecimal(amount);
			return this;
		}

		RulesBuilder maxTransactionsPerWindow(int count) {
			maxTransactionsPerWindow = count;
			return this;
		}

		RulesBuilder velocityWindow(Duration window) {
			velocityWindow = window;
			return this;
		}

		RulesBuilder countryChangeWindow(Duration window) {
			countryChangeWindow = window;
			return this;
		}

		FraudRulesChanged build() {
			return new FraudRulesChanged(largeAmount, maxTransactionsPerWindow, velocityWindow, countryChangeWindow,
					CONFIGURED.smallAmount(), CONFIGURED.largeAfterSmallAmount(), CONFIGURED.smallThenLargeWindow(),
					"operator", TEN);
		}
	}
}
