package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The warehouse as a client sees it: what is posted to the producer services appears in the history queries of
 * warehouse-service (at {@code /api/analytics/history/**}, where they were when analytics-service answered them),
 * through the gateway with real tokens, and an administrator's replay changes none of it. The consumer groups keep
 * the names they had in analytics-service.
 */
@ExtendWith(Platform.class)
@Order(20)
class WarehouseEndToEndTests {

	static final Duration TIMEOUT = Duration.ofSeconds(90);

	static final Map<String, String> GROUPS_BY_TOPIC = Map.of("analytics-warehouse-users", "users.registered",
			"analytics-warehouse-transactions", "transactions.recorded", "analytics-warehouse-weather-readings",
			"weather.readings");

	static String token;

	static String adminToken;

	@BeforeAll
	static void tokens() {
		token = Platform.token("demo-client", "demo-secret");
		adminToken = Platform.token("platform-admin", "admin-secret");
	}

	@Test
	void shouldAnswerHistoryOfWhatWasPostedAndKeepItUnchangedThroughAReplay() throws Exception {
		Instant start = Instant.now();
		String account = "ACC-WH-" + UUID.randomUUID().toString().substring(0, 8);
		String station = "wh-" + UUID.randomUUID().toString().substring(0, 8);
		Instant occurred = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

		String email = UUID.randomUUID() + "@example.com";
		String user = """
				{"email":"%s","displayName":"Grace Hopper","country":"FI","marketingConsent":true}""".formatted(email);
		// A client whose call timed out at the gateway sends it again; 409 then says the first one was registered.
		await().atMost(TIMEOUT).until(() -> List.of(201, 409).contains(post("/api/users", user, token).statusCode()));
		for (int i = 0; i < 3; i++) {
			HttpRequest transaction = request("/api/transactions", """
					{"accountId":"%s","amount":"1%d.50","currency":"EUR","direction":"DEBIT","merchant":"Bakery",
					 "merchantCountry":"FI","occurredAt":"%s"}""".formatted(account, i, occurred.plusSeconds(60L * i)),
					token)
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.build();
			// As a client would on a timeout at the gateway: the same request with the same key, recorded once.
			await().atMost(TIMEOUT).until(() -> Platform.send(transaction).statusCode() == 201);
		}
		String batch = """
				[{"stationId":"%1$s","observedAt":"%2$s","temperatureCelsius":-4.5,"humidityPercent":90,"pressureHpa":1021.5},
				 {"stationId":"%1$s","observedAt":"%3$s","temperatureCelsius":-5.0,"humidityPercent":92}]"""
			.formatted(station, occurred, occurred.plusSeconds(3600));
		// A reading's id follows from station and time: sending the batch again is safe.
		await().atMost(TIMEOUT).until(() -> post("/api/weather/readings/batch", batch, token).statusCode() == 202);

		String transactions = "/api/analytics/history/accounts/" + account + "/transactions?size=2";
		String readings = "/api/analytics/history/stations/" + station + "/readings";
		String users = "/api/analytics/history/users?country=FI&size=100&from=" + start.minusSeconds(60);
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(total(get(transactions, token))).isEqualTo(3);
			assertThat(total(get(readings, token))).isEqualTo(2);
			assertThat(get(users, adminToken).body()).contains(email).contains("Grace Hopper");
		});
		// Personal data is the administrator's to read: the demo client sees the same users masked.
		assertThat(get(users, token).body()).doesNotContain(email)
			.doesNotContain("Grace Hopper")
			.contains("\"%s***@example.com\"".formatted(email.charAt(0)))
			.contains("\"G***\"");
		JsonNode newest = Platform.json.readTree(get(transactions, token).body());
		assertThat(newest.get("content").get(0).get("amount").asString()).isEqualTo("12.50");
		assertThat(newest.get("content").get(1).get("amount").asString()).isEqualTo("11.50");
		assertThat(newest.get("page").get("totalPages").asInt()).isEqualTo(2);
		JsonNode stationReadings = Platform.json.readTree(get(readings, token).body()).get("content");
		assertThat(stationReadings.get(0).get("pressureHpa").isNull()).isTrue();
		assertThat(stationReadings.get(1).get("pressureHpa").asDouble()).isEqualTo(1021.5);
		HttpResponse<String> tooLarge = get("/api/analytics/history/accounts/" + account + "/transactions?size=101", token);
		assertThat(tooLarge.statusCode()).isEqualTo(400);
		assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(tooLarge.body()).contains("\"field\":\"size\"");
		List<String> before = List.of(get(transactions, token).body(), get(readings, token).body(),
				get(users, token).body());

		// The demo client may read the history but not replay; the administrator may.
		String replay = """
				{"from":"%s"}""".formatted(start.minusSeconds(60));
		assertThat(post("/api/warehouse/admin/replay", replay, token).statusCode()).isEqualTo(403);
		HttpResponse<String> replayed = post("/api/warehouse/admin/replay", replay, adminToken);
		assertThat(replayed.statusCode()).isEqualTo(202);
		assertThat(replayed.body()).contains("analytics-warehouse-transactions");

		await().atMost(TIMEOUT).untilAsserted(WarehouseEndToEndTests::assertEveryGroupReadToTheEnd);
		assertThat(List.of(get(transactions, token).body(), get(readings, token).body(), get(users, token).body()))
			.isEqualTo(before);
	}

	/** After the rewind, each warehouse group has read its topic again, up to its end. */
	private static void assertEveryGroupReadToTheEnd() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.get().kafkaBootstrapServers()))) {
			for (var group : GROUPS_BY_TOPIC.entrySet()) {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
					.partitionsToOffsetAndMetadata()
					.get();
				Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
				committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
				var ends = admin.listOffsets(latest).all().get();
				committed.forEach((partition, offset) -> assertThat(offset.offset()).as("%s %s", group, partition)
					.isEqualTo(ends.get(partition).offset()));
			}
		}
	}

	private static long total(HttpResponse<String> page) {
		assertThat(page.statusCode()).isEqualTo(200);
		return Platform.json.readTree(page.body()).get("page").get("totalElements").asLong();
	}

	private static HttpResponse<String> get(String path, String bearer) {
		return Platform.get(path, bearer);
	}

	private static HttpResponse<String> post(String path, String body, String bearer) {
		return Platform.post(path, body, null, bearer);
	}

	private static HttpRequest.Builder request(String path, String body, String bearer) {
		return Platform.jsonPost(path, body, null, bearer);
	}
}
