package io.eventplatform.e2e;

import static io.eventplatform.e2e.TopicReader.assertValidEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.contract.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Each producer through the gateway with a real token, and what an external Kafka client then reads: the key, the
 * CloudEvents headers and a body valid against the event's JSON Schema.
 */
@ExtendWith(Platform.class)
@Order(2)
class ProducerServicesEndToEndTests {

	static String token;

	@BeforeAll
	static void token() {
		token = Platform.token("demo-client", "demo-secret");
	}

	@Test
	void shouldPublishARegisteredUserKeyedByUserId() {
		HttpResponse<String> created = post("/api/users", """
				{"email":"%s@example.com","displayName":"Katherine Johnson","country":"US"}"""
			.formatted(UUID.randomUUID()), null);
		assertThat(created.statusCode()).isEqualTo(201);
		String userId = Platform.json.readTree(created.body()).get("id").asString();

		try (TopicReader topic = new TopicReader(Platform.get().kafkaBootstrapServers(), "users.registered")) {
			assertThat(topic.awaitRecords(record -> userId.equals(record.key()), 1)).singleElement()
				.satisfies(record -> assertValidEvent(record, Topics.USERS_REGISTERED, userId));
		}
	}

	@Test
	void shouldPublishAWeatherReadingKeyedByStationOnlyAfterTheBrokerHasIt() {
		String station = "st-" + UUID.randomUUID().toString().substring(0, 8);
		Instant observedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

		HttpResponse<String> accepted = post("/api/weather/readings", """
				{"stationId":"%s","observedAt":"%s","temperatureCelsius":21.5,"humidityPercent":40}"""
			.formatted(station, observedAt), null);
		HttpResponse<String> implausible = post("/api/weather/readings", """
				{"stationId":"%s","observedAt":"%s","temperatureCelsius":75,"humidityPercent":40}"""
			.formatted(station, observedAt), null);

		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(implausible.statusCode()).isEqualTo(400);
		assertThat(implausible.body()).contains("temperatureCelsius");
		try (TopicReader topic = new TopicReader(Platform.get().kafkaBootstrapServers(), "weather.readings")) {
			assertThat(topic.awaitRecords(record -> station.equals(record.key()), 1)).singleElement().satisfies(record -> {
				assertValidEvent(record, Topics.WEATHER_READINGS, station);
				assertThat(Instant.parse(TopicReader.header(record, "ce_time"))).isEqualTo(observedAt);
			});
		}
	}

	@Test
	void shouldPublishATransactionOnceHoweverOftenTheClientRetries() {
		String account = "ACC-" + UUID.randomUUID().toString().substring(0, 8);
		String key = UUID.randomUUID().toString();
		String body = """
				{"accountId":"%s","amount":"42.10","currency":"EUR","direction":"CREDIT","merchant":"Salary",
				 "merchantCountry":"NL","occurredAt":"%s"}""".formatted(account, Instant.now().minusSeconds(60));

		HttpResponse<String> first = post("/api/transactions", body, key);
		HttpResponse<String> retry = post("/api/transactions", body, key);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(retry.body()).isEqualTo(first.body());
		try (TopicReader topic = new TopicReader(Platform.get().kafkaBootstrapServers(), "transactions.recorded")) {
			assertThat(topic.awaitRecords(record -> account.equals(record.key()), 1)).singleElement().satisfies(record -> {
				assertValidEvent(record, Topics.TRANSACTIONS_RECORDED, account);
				JsonNode event = Platform.json.readTree(record.value());
				assertThat(event.get("amount").asString()).isEqualTo("42.10");
			});
		}
	}

	static HttpResponse<String> post(String path, String body, String idempotencyKey) {
		return Platform.post(path, body, idempotencyKey, token);
	}
}
