package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker goes away while the services run. Registration and transactions keep accepting (their events wait in the
 * outbox), weather ingest says 503; when the broker is back every accepted event is on its topic exactly once, one
 * account's transactions in the order they were accepted, and nothing was restarted but the broker.
 */
@ExtendWith(Platform.class)
@Order(3)
class BrokerOutageEndToEndTests {

	static String token;

	@BeforeAll
	static void token() {
		token = Platform.token("demo-client", "demo-secret");
		ProducerServicesEndToEndTests.token = token;
	}

	@Test
	void shouldLoseNothingAcceptedWhileTheBrokerIsAway() {
		String account = "ACC-" + UUID.randomUUID().toString().substring(0, 8);
		String station = "st-" + UUID.randomUUID().toString().substring(0, 8);
		Platform.get().stopPart("kafka-broker");

		List<String> userIds = new ArrayList<>();
		List<String> transactionIds = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			HttpResponse<String> user = ProducerServicesEndToEndTests.post("/api/users", """
					{"email":"%s@example.com","displayName":"Offline %d","country":"SE"}""".formatted(UUID.randomUUID(), i),
					null);
			assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
			userIds.add(Platform.json.readTree(user.body()).get("id").asString());
			HttpResponse<String> transaction = ProducerServicesEndToEndTests.post("/api/transactions", """
					{"accountId":"%s","amount":"%d.00","currency":"EUR","direction":"DEBIT","merchant":"Shop",
					 "merchantCountry":"SE","occurredAt":"%s"}""".formatted(account, i, Instant.now().minusSeconds(10)),
					UUID.randomUUID().toString());
			assertThat(transaction.statusCode()).as(transaction.body()).isEqualTo(201);
			transactionIds.add(Platform.json.readTree(transaction.body()).get("id").asString());
		}
		HttpResponse<String> reading = ProducerServicesEndToEndTests.post("/api/weather/readings", reading(station), null);
		assertThat(reading.statusCode()).isEqualTo(503);
		assertThat(reading.headers().firstValue("Retry-After")).isPresent();

		Platform.get().startPart("kafka-broker");

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> ProducerServicesEndToEndTests.post("/api/weather/readings", reading(station), null)
				.statusCode() == 202);
		String bootstrap = Platform.get().kafkaBootstrapServers();
		try (TopicReader users = new TopicReader(bootstrap, "users.registered")) {
			for (String userId : userIds) {
				assertThat(users.awaitRecords(record -> userId.equals(record.key()), 1)).as("events of user " + userId)
					.hasSize(1);
			}
		}
		try (TopicReader transactions = new TopicReader(bootstrap, "transactions.recorded")) {
			List<ConsumerRecord<String, byte[]>> ofAccount = transactions.awaitRecords(r -> account.equals(r.key()), 3);
			assertThat(ofAccount).extracting(r -> Platform.json.readTree(r.value()).get("transactionId").asString())
				.containsExactlyElementsOf(transactionIds);
		}

		// What operators see of it (Prometheus scrapes the management port, without a token): publications, failures
		// and what waits in the outbox, per event type.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(metrics("transaction-service"))
			.contains("platform_outbox_pending{application=\"transaction-service\",type=\"TransactionRecorded\"} 0.0")
			.containsPattern("platform_events_published_total\\{[^}]*type=\"TransactionRecorded\"[^}]*} [1-9]"));
		assertThat(metrics("weather-ingest-service"))
			.containsPattern("platform_events_publish_failures_total\\{[^}]*type=\"WeatherReadingRecorded\"[^}]*} [1-9]");
		assertThat(Platform.send(HttpRequest.newBuilder(
				Platform.get().serviceUrl("transaction-service").resolve("/actuator/prometheus")).build()).statusCode())
			.as("metrics need an admin token on the application port").isEqualTo(401);
	}

	private static String metrics(String service) {
		return Platform.scrape(Platform.get(), service);
	}

	private static String reading(String station) {
		return """
				{"stationId":"%s","observedAt":"2026-11-21T08:00:00Z","temperatureCelsius":5,"humidityPercent":70}"""
			.formatted(station);
	}
}
