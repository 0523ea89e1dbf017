package io.eventplatform.analytics.fraud;

import static io.eventplatform.analytics.streams.TopologyFixture.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventplatform.analytics.streams.AnalyticsEvents;
import io.eventplatform.analytics.streams.TopologyFixture;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.transactions.TransactionRecorded;

class FraudTopologyTests {

	static final Instant TEN = Instant.parse("2026-11-21T10:00:00Z");

	static final FraudProperties RULES = new FraudProperties(new BigDecimal("10000"), 5, Duration.ofMinutes(1),
			Duration.ofMinutes(30), new BigDecimal("1.00"), new BigDecimal("500"), Duration.ofMinutes(1), 50);

	private TopologyFixture topology;

	@BeforeEach
	void start() {
		topology = new TopologyFixture(TEN, inputs -> new FraudTopology(RULES, new SimpleMeterRegistry()).build(inputs));
	}

	@AfterEach
	void stop() {
		topology.close();
	}

	@Test
	void shouldNotFlagATransactionAtTheThreshold() {
		send("a1", "10000.00", "NL", TEN);

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldFlagATransactionJustAboveTheThresholdOnce() {
		EventEnvelope<TransactionRecorded> large = send("a1", "10000.01", "NL", TEN);
		topology.send(large);

		List<TestRecord<String, EventEnvelope<?>>> alerts = topology.written(Topics.TRANSACTIONS_FRAUD_ALERTS);
		assertThat(alerts).hasSize(1);
		TestRecord<String, EventEnvelope<?>> alert = alerts.get(0);
		assertThat(alert.key()).isEqualTo("a1");
		assertThat(alert.value().id()).isEqualTo(AnalyticsEvents
			.derived("amount-above-threshold", List.of(large.data().transactionId().toString()), TEN, "").id());
		assertThat(alert.value().source()).isEqualTo(AnalyticsEvents.SOURCE);
		assertThat(alert.value().time()).isEqualTo(TEN);
		assertThat(alert.getRecordTime()).isEqualTo(TEN);
		assertThat((FraudSuspected) alert.value().data()).satisfies(suspected -> {
			assertThat(suspected.rule()).isEqualTo("amount-above-threshold");
			assertThat(suspected.transactionIds()).containsExactly(large.data().transactionId());
			assertThat(suspected.explanation()).isEqualTo("Amount 10000.01 EUR is above the threshold of 10000");
		});
	}

	@Test
	void shouldNotFlagAsManyTransactionsAsAllowedWithinAMinute() {
		for (int i = 0; i < 5; i++) {
			send("a1", "10", "NL", TEN.plusSeconds(i * 10));
		}

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldFlagOneTransactionTooManyWithinAMinuteOnce() {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ids.add(send("a1", "10", "NL", TEN.plusSeconds(i * 5)).data().transactionId());
		}

		List<FraudSuspected> alerts = alerts();
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).rule()).isEqualTo("too-many-transactions");
		assertThat(alerts.get(0).transactionIds()).containsExactlyElementsOf(ids.subList(0, 6));
		assertThat(alerts.get(0).explanation()).isEqualTo("6 transactions within PT1M, more than the 5 allowed");
	}

	@Test
	void shouldCountTransactionsExactlyAMinuteApartAsWithinTheMinute() {
		for (int i = 0; i < 6; i++) {
			send("a1", "10", "NL", TEN.plusSeconds(i * 12));
		}

		assertThat(alerts()).extracting(FraudSuspected::rule).containsExactly("too-many-transactions");
	}

	@Test
	void shouldNotFlagSixTransactionsSpreadOverMoreThanAMinute() {
		for (int i = 0; i < 5; i++) {
			send("a1", "10", "NL", TEN.plusSeconds(i * 12));
		}
		send("a1", "10", "NL", TEN.plusSeconds(60).plusMillis(1));

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldFlagTooManyTransactionsWhenTheLastOneArrivesOutOfOrder() {
		for (int i = 1; i <= 5; i++) {
			send("a1", "10", "NL", TEN.plusSeconds(i * 10));
		}
		send("a1", "10", "NL", TEN.plusSeconds(55));
		send("a1", "10", "NL", TEN);

		assertThat(alerts()).extracting(FraudSuspected::rule).containsExactly("too-many-transactions");
	}

	@Test
	void shouldFlagANewBurstAfterTheFirstHasPassed() {
		for (int i = 0; i < 6; i++) {
			send("a1", "10", "NL", TEN.plusSeconds(i));
		}
		for (int i = 0; i < 6; i++) {
			send("a1", "10", "NL", TEN.plusSeconds(120 + i));
		}

		assertThat(alerts()).extracting(FraudSuspected::rule)
			.containsExactly("too-many-transactions", "too-many-transactions");
	}

	@Test
	void shouldKeepAccountsApart() {
		for (int i = 0; i < 5; i++) {
			send("a1", "10", "NL", TEN.plusSeconds(i));
			send("a2", "10", "NL", TEN.plusSeconds(i));
		}

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldFlagTwoCountriesWithinTheIntervalOnce() {
		EventEnvelope<TransactionRecorded> home = send("a1", "20", "NL", TEN);
		EventEnvelope<TransactionRecorded> abroad = send("a1", "20", "BR", TEN.plus(Duration.ofMinutes(30)));
		send("a1", "20", "BR", TEN.plus(Duration.ofMinutes(31)));
		send("a1", "20", "US", TEN.plus(Duration.ofMinutes(32)));

		List<FraudSuspected> alerts = alerts();
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).rule()).isEqualTo("two-countries");
		assertThat(alerts.get(0).transactionIds()).containsExactly(home.data().transactionId(),
				abroad.data().transactionId());
		assertThat(alerts.get(0).explanation()).isEqualTo("Transactions in NL and BR within PT30M");
	}

	@Test
	void shouldNotFlagTwoCountriesFurtherApartThanTheInterval() {
		send("a1", "20", "NL", TEN);
		send("a1", "20", "BR", TEN.plus(Duration.ofMinutes(30)).plusMillis(1));
		send("a1", "20", "BR", TEN.plus(Duration.ofMinutes(40)));

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldFlagTwoCountriesWhenTheEarlierOneArrivesLast() {
		send("a1", "20", "BR", TEN.plus(Duration.ofMinutes(5)));
		send("a1", "20", "NL", TEN);

		assertThat(alerts()).extracting(FraudSuspected::rule).containsExactly("two-countries");
	}

	@Test
	void shouldFlagASmallTransactionFollowedByALargeOneOnce() {
		EventEnvelope<TransactionRecorded> small = send("a1", "0.99", "NL", TEN);
		EventEnvelope<TransactionRecorded> large = send("a1", "500.01", "NL", TEN.plusSeconds(60));
		send("a1", "900", "NL", TEN.plusSeconds(61));

		List<FraudSuspected> alerts = alerts();
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).rule()).isEqualTo("small-then-large");
		assertThat(alerts.get(0).transactionIds()).containsExactly(small.data().transactionId(),
				large.data().transactionId());
		assertThat(alerts.get(0).explanation())
			.isEqualTo("A transaction of 0.99 EUR followed PT1M later by one of 500.01 EUR");
	}

	@Test
	void shouldNotFlagAtTheSmallAndLargeThresholds() {
		send("a1", "1.00", "NL", TEN);
		send("a1", "600", "NL", TEN.plusSeconds(10));
		send("a2", "0.50", "NL", TEN);
		send("a2", "500.00", "NL", TEN.plusSeconds(10));

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldNotFlagALargeTransactionMoreThanAMinuteAfterTheSmallOne() {
		send("a1", "0.50", "NL", TEN);
		send("a1", "600", "NL", TEN.plusSeconds(60).plusMillis(1));

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldFlagSmallThenLargeWhenTheLargeOneArrivesFirst() {
		send("a1", "600", "NL", TEN.plusSeconds(30));
		send("a1", "0.50", "NL", TEN);

		assertThat(alerts()).extracting(FraudSuspected::rule).containsExactly("small-then-large");
	}

	@Test
	void shouldNotFlagALargeTransactionBeforeTheSmallOne() {
		send("a1", "600", "NL", TEN);
		send("a1", "0.50", "NL", TEN.plusSeconds(30));

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldRaiseNothingForOrdinaryTransactions() {
		for (int i = 0; i < 20; i++) {
			send("a" + (i % 4), "25.00", "NL", TEN.plus(Duration.ofMinutes(i)));
		}

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldNotAlertAgainForATransactionDeliveredTwice() {
		List<EventEnvelope<TransactionRecorded>> burst = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			burst.add(send("a1", "10", "NL", TEN.plusSeconds(i)));
		}
		burst.forEach(topology::send);
		EventEnvelope<TransactionRecorded> abroad = send("a1", "10", "DE", TEN.plusSeconds(10));
		topology.send(abroad);

		assertThat(alerts()).extracting(FraudSuspected::rule).containsExactly("too-many-transactions", "two-countries");
	}

	@Test
	void shouldKeepTheRecentAlertsNewestFirst() {
		send("a1", "20000", "NL", TEN);
		send("a2", "30000", "NL", TEN.plusSeconds(1));

		KeyValueStore<String, RecentFraudAlerts> recent = topology.driver()
			.getKeyValueStore(FraudTopology.RECENT_ALERTS_STORE);
		assertThat(recent.get(FraudTopology.RECENT_ALERTS_KEY).alerts()).extracting(alert -> alert.alert().accountId())
			.containsExactly("a2", "a1");
	}

	@Test
	void shouldRememberOnlyWhatTheRulesCanStillLookAt() {
		send("a1", "20", "NL", TEN);
		send("a1", "20", "NL", TEN.plus(Duration.ofMinutes(31)));

		KeyValueStore<String, AccountHistory> histories = topology.driver().getKeyValueStore(FraudTopology.HISTORY_STORE);
		assertThat(histories.get("a1").entries()).hasSize(1);
	}

	private EventEnvelope<TransactionRecorded> send(String account, String amount, String country, Instant at) {
		return send(topology, account, amount, country, at);
	}

	private List<FraudSuspected> alerts() {
		return alerts(topology);
	}

	/** Sends a transaction in EUR. */
	static EventEnvelope<TransactionRecorded> send(TopologyFixture topology, String account, String amount,
			String country, Instant at) {
		EventEnvelope<TransactionRecorded> event = transaction(account, amount, "EUR", country, at);
		topology.send(event);
		return event;
	}

	/** The alerts written since the last call. */
	static List<FraudSuspected> alerts(TopologyFixture topology) {
		return topology.written(Topics.TRANSACTIONS_FRAUD_ALERTS)
			.stream()
			.map(record -> (FraudSuspected) record.value().data())
			.toList();
	}
}
