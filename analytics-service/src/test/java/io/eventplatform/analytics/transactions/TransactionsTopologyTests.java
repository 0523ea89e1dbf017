package io.eventplatform.analytics.transactions;

import static io.eventplatform.analytics.streams.TopologyFixture.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventplatform.analytics.streams.TopologyFixture;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.TransactionRecorded;

class TransactionsTopologyTests {

	static final Instant TEN = Instant.parse("2026-11-21T10:00:00Z");

	private TopologyFixture topology;

	@BeforeEach
	void start() {
		topology = new TopologyFixture(TEN, inputs -> new TransactionsTopology(TopologyFixture.WINDOWS).build(inputs));
	}

	@AfterEach
	void stop() {
		topology.close();
	}

	@Test
	void shouldSumVolumeAndCountPerAccountAndCurrencyOverOneMinuteHoppingWindows() {
		send("a1", "10.50", "EUR", TEN.plusSeconds(5));
		send("a1", "2.25", "EUR", TEN.plusSeconds(15));
		send("a1", "7", "USD", TEN.plusSeconds(25));
		send("a2", "1", "EUR", TEN.plusSeconds(25));

		// The window [10:00:00, 10:01:00) holds all of a1's; [10:00:10, 10:01:10) only the last two.
		assertThat(window(TransactionsTopology.ACCOUNT_MINUTE_STORE, "a1", TEN)).isEqualTo(Map.of("EUR",
				new Volume.Total(2, new BigDecimal("12.75")), "USD", new Volume.Total(1, new BigDecimal("7"))));
		assertThat(window(TransactionsTopology.ACCOUNT_MINUTE_STORE, "a1", TEN.plusSeconds(10))).isEqualTo(Map.of(
				"EUR", new Volume.Total(1, new BigDecimal("2.25")), "USD", new Volume.Total(1, new BigDecimal("7"))));
		assertThat(window(TransactionsTopology.ACCOUNT_MINUTE_STORE, "a2", TEN))
			.isEqualTo(Map.of("EUR", new Volume.Total(1, new BigDecimal("1"))));
	}

	@Test
	void shouldSumPerAccountOverOneHourWindows() {
		send("a1", "10", "EUR", TEN.plusSeconds(5));
		send("a1", "20", "EUR", TEN.plus(Duration.ofMinutes(59)));
		send("a1", "40", "EUR", TEN.plus(Duration.ofMinutes(60)));

		assertThat(window(TransactionsTopology.ACCOUNT_HOUR_STORE, "a1", TEN))
			.isEqualTo(Map.of("EUR", new Volume.Total(2, new BigDecimal("30"))));
		assertThat(window(TransactionsTopology.ACCOUNT_HOUR_STORE, "a1", TEN.plus(Duration.ofMinutes(5))))
			.isEqualTo(Map.of("EUR", new Volume.Total(2, new BigDecimal("60"))));
	}

	@Test
	void shouldSumThePlatformsVolumePerMinute() {
		send("a1", "10", "EUR", TEN.plusSeconds(5));
		send("a2", "5", "EUR", TEN.plusSeconds(59));
		send("a3", "3", "GBP", TEN.plusSeconds(60));

		assertThat(window(TransactionsTopology.PLATFORM_MINUTE_STORE, "platform", TEN))
			.isEqualTo(Map.of("EUR", new Volume.Total(2, new BigDecimal("15"))));
		assertThat(window(TransactionsTopology.PLATFORM_MINUTE_STORE, "platform", TEN.plusSeconds(60)))
			.isEqualTo(Map.of("GBP", new Volume.Total(1, new BigDecimal("3"))));
	}

	@Test
	void shouldCountALateTransactionWithinTheGraceButNotAfterIt() {
		send("a1", "10", "EUR", TEN.plusSeconds(5));
		// Stream time 10:05:59.999: the 10:00 minute (grace 5 minutes) is still open.
		send("a1", "1", "EUR", Instant.parse("2026-11-21T10:05:59.999Z"));
		send("a1", "20", "EUR", TEN.plusSeconds(6));
		// Stream time 10:06: now it is closed.
		send("a1", "1", "EUR", Instant.parse("2026-11-21T10:06:00Z"));
		send("a1", "40", "EUR", TEN.plusSeconds(7));

		assertThat(window(TransactionsTopology.PLATFORM_MINUTE_STORE, "platform", TEN))
			.isEqualTo(Map.of("EUR", new Volume.Total(2, new BigDecimal("30"))));
	}

	@Test
	void shouldCountATransactionDeliveredTwiceOnce() {
		EventEnvelope<TransactionRecorded> event = transaction("a1", "10", "EUR", "NL", TEN);
		topology.send(event);
		topology.send(event);

		assertThat(window(TransactionsTopology.ACCOUNT_MINUTE_STORE, "a1", TEN))
			.isEqualTo(Map.of("EUR", new Volume.Total(1, new BigDecimal("10"))));
	}

	private void send(String account, String amount, String currency, Instant at) {
		topology.send(transaction(account, amount, currency, "NL", at));
	}

	private Map<String, Volume.Total> window(String store, String key, Instant start) {
		WindowStore<String, Volume> windows = topology.driver().getWindowStore(store);
		Volume volume = windows.fetch(key, start.toEpochMilli());
		return volume == null ? Map.of() : volume.byCurrency();
	}
}
