package io.eventplatform.e2e;

import static io.eventplatform.e2e.AnalyticsEndToEndTests.get;
import static io.eventplatform.e2e.AnalyticsEndToEndTests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.contract.Topics;
import tools.jackson.databind.JsonNode;

/**
 * analytics-service is killed (SIGKILL, no graceful shutdown) while transactions and readings keep arriving, and
 * started again: every aggregate ends exact, with nothing lost and nothing counted twice, and the one fraud alert of
 * each account is on the topic once. Exactly-once processing commits state, offsets and output together, so what the
 * killed process had not committed is processed again from the last commit, and what it had is never repeated.
 */
@ExtendWith(Platform.class)
@Order(11)
class AnalyticsRestartEndToEndTests {

	static final int ACCOUNTS = 3;

	static final int TRANSACTIONS_PER_ACCOUNT = 40;

	static final int READINGS = 60;

	@BeforeAll
	static void token() {
		AnalyticsEndToEndTests.token();
	}

	@Test
	void shouldKeepEveryAggregateExactWhenKilledMidStream() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String station = "restart-" + run;
		// One instant for every transaction of an account: each window that contains it must hold all of them.
		Instant occurredAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
		Instant firstReading = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
		AtomicInteger sent = new AtomicInteger();

		CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < TRANSACTIONS_PER_ACCOUNT; i++) {
				for (int account = 0; account < ACCOUNTS; account++) {
					AnalyticsEndToEndTests.transaction(account(run, account), "10.00", "NL", occurredAt);
				}
				HttpResponse<String> reading = post("/api/weather/readings", """
						{"stationId":"%s","observedAt":"%s","temperatureCelsius":%d,"humidityPercent":50}"""
					.formatted(station, firstReading.plusMillis(i * 100L), 10 + i % 5), null);
				assertThat(reading.statusCode()).isEqualTo(202);
				sent.incrementAndGet();
			}
			for (int i = TRANSACTIONS_PER_ACCOUNT; i < READINGS; i++) {
				post("/api/weather/readings", """
						{"stationId":"%s","observedAt":"%s","temperatureCelsius":%d,"humidityPercent":50}"""
					.formatted(station, firstReading.plusMillis(i * 100L), 10 + i % 5), null);
			}
		});

		await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() >= TRANSACTIONS_PER_ACCOUNT / 3);
		Platform.get().killPart("analytics-service");
		Platform.get().startPart("analytics-service");
		traffic.get();

		await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
			for (int account = 0; account < ACCOUNTS; account++) {
				HttpResponse<String> response = get("/api/analytics/accounts/" + account(run, account) + "?at="
						+ occurredAt);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				JsonNode body = Platform.json.readTree(response.body());
				for (String windows : List.of("minute", "hour")) {
					assertThat(body.path(windows)).isNotEmpty();
					for (JsonNode window : body.path(windows)) {
						JsonNode eur = window.path("volume").path("byCurrency").path("EUR");
						assertThat(eur.path("count").asLong()).isEqualTo(TRANSACTIONS_PER_ACCOUNT);
						assertThat(eur.path("volume").decimalValue())
							.isEqualByComparingTo(new BigDecimal("10.00").multiply(BigDecimal.valueOf(TRANSACTIONS_PER_ACCOUNT)));
					}
				}
			}
			HttpResponse<String> response = get("/api/analytics/stations/" + station);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			long readings = 0;
			for (JsonNode hour : Platform.json.readTree(response.body()).path("hours")) {
				readings += hour.path("count").asLong();
			}
			assertThat(readings).isEqualTo(READINGS);
		});

		try (TopicReader alerts = new TopicReader(Platform.get().kafkaBootstrapServers(),
				Topics.TRANSACTIONS_FRAUD_ALERTS.name())) {
			List<ConsumerRecord<String, byte[]>> raised = alerts
				.awaitRecords(record -> record.key().startsWith("RESTART-" + run), ACCOUNTS);
			assertThat(raised).extracting(ConsumerRecord::key)
				.containsExactlyInAnyOrder(account(run, 0), account(run, 1), account(run, 2));
		}
	}

	private static String account(String run, int index) {
		return "RESTART-" + run + "-" + index;
	}
}
