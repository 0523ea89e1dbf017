package io.eventplatform.e2e;

import static io.eventplatform.e2e.TopicReader.assertValidEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.contract.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Transactions and readings posted through the gateway with a real token, and what analytics-service makes of them:
 * exactly one alert per fraud pattern on {@code transactions.fraud-alerts} and in the alerts query, none for ordinary
 * spending, and the readings in the station query. The rules run on the default thresholds (amount above 10000, more
 * than 5 transactions a minute, two countries within 30 minutes, below 1.00 then above 500 within a minute); the
 * transactions carry occurred-at times that match them, so nothing waits for a window to pass.
 */
@ExtendWith(Platform.class)
@Order(10)
class AnalyticsEndToEndTests {

	static String token;

	@BeforeAll
	static void token() {
		token = Platform.token("demo-client", "demo-secret");
	}

	@Test
	void shouldRaiseExactlyOneAlertPerFraudPatternAndNoneForOrdinarySpending() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String large = "LARGE-" + run;
		String busy = "BUSY-" + run;
		String traveller = "TRAVEL-" + run;
		String cardTester = "PROBE-" + run;
		String ordinary = "ORDINARY-" + run;
		Instant start = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

		transaction(large, "10000.01", "NL", start);
		for (int i = 0; i < 6; i++) {
			transaction(busy, "10.00", "NL", start.plusSeconds(i * 10));
		}
		transaction(traveller, "20.00", "NL", start);
		transaction(traveller, "20.00", "BR", start.plus(Duration.ofMinutes(5)));
		transaction(cardTester, "0.50", "NL", start);
		transaction(cardTester, "600.00", "NL", start.plusSeconds(30));
		for (int i = 0; i < 3; i++) {
			transaction(ordinary, "25.00", "NL", start.plus(Duration.ofMinutes(i * 2)));
		}
		// At the thresholds: no alert.
		transaction(ordinary, "10000.00", "NL", start.plus(Duration.ofMinutes(10)));

		Map<String, String> expected = Map.of(large, "amount-above-threshold", busy, "too-many-transactions",
				traveller, "two-countries", cardTester, "small-then-large");
		Set<String> accounts = Set.of(large, busy, traveller, cardTester, ordinary);
		try (TopicReader alerts = new TopicReader(Platform.get().kafkaBootstrapServers(),
				Topics.TRANSACTIONS_FRAUD_ALERTS.name())) {
			List<ConsumerRecord<String, byte[]>> raised = alerts.awaitRecords(record -> accounts.contains(record.key()),
					expected.size());
			assertThat(raised).hasSize(expected.size());
			raised.forEach(record -> assertValidEvent(record, Topics.TRANSACTIONS_FRAUD_ALERTS, record.key()));
			assertThat(raised.stream()
				.collect(Collectors.toMap(ConsumerRecord::key,
						record -> Platform.json.readTree(record.value()).get("rule").asString())))
				.isEqualTo(expected);
		}

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> response = get("/api/analytics/alerts/fraud");
			assertThat(response.statusCode()).isEqualTo(200);
			Map<String, List<String>> rulesByAccount = new java.util.HashMap<>();
			for (JsonNode alert : Platform.json.readTree(response.body()).get("alerts")) {
				String account = alert.get("alert").get("accountId").asString();
				if (accounts.contains(account)) {
					rulesByAccount.computeIfAbsent(account, key -> new ArrayList<>())
						.add(alert.get("alert").get("rule").asString());
				}
			}
			assertThat(rulesByAccount).isEqualTo(expected.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue()))));
		});
	}

	@Test
	void shouldShowTheReadingsOfAStationAndItsLatestReading() {
		String station = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		HttpResponse<String> accepted = post("/api/weather/readings/batch", """
				[{"stationId":"%1$s","observedAt":"%2$s","temperatureCelsius":12.5,"humidityPercent":60},
				 {"stationId":"%1$s","observedAt":"%3$s","temperatureCelsius":13.5,"humidityPercent":64}]"""
			.formatted(station, now.minusSeconds(90), now.minusSeconds(30)), null);
		assertThat(accepted.statusCode()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> response = get("/api/analytics/stations/" + station);
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = Platform.json.readTree(response.body());
			assertThat(body.path("latest").path("temperatureCelsius").asDouble()).isEqualTo(13.5);
			long count = 0;
			for (JsonNode hour : body.path("hours")) {
				count += hour.path("count").asLong();
			}
			assertThat(count).isEqualTo(2);
		});
	}

	/**
	 * Records a transaction as a careful client does: an answer that leaves the outcome open (502, 503, 504 on a busy
	 * machine) is retried with the same {@code Idempotency-Key}, so the transaction is recorded exactly once.
	 */
	static void transaction(String account, String amount, String country, Instant occurredAt) {
		String body = """
				{"accountId":"%s","amount":"%s","currency":"EUR","direction":"DEBIT","merchant":"Shop",
				 "merchantCountry":"%s","occurredAt":"%s"}""".formatted(account, amount, country, occurredAt);
		String idempotencyKey = UUID.randomUUID().toString();
		HttpResponse<String> created = post("/api/transactions", body, idempotencyKey);
		for (int attempt = 1; attempt < 5 && created.statusCode() >= 502 && created.statusCode() <= 504; attempt++) {
			created = post("/api/transactions", body, idempotencyKey);
		}
		assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
	}

	static HttpResponse<String> get(String path) {
		return Platform.get(path, token);
	}

	static HttpResponse<String> post(String path, String body, String idempotencyKey) {
		return Platform.post(path, body, idempotencyKey, token);
	}
}
