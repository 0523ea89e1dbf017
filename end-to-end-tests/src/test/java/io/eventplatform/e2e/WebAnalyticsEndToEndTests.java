package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.contract.Topics;
import io.eventplatform.local.LocalPlatform;
import tools.jackson.databind.JsonNode;

/**
 * Web analytics from the gateway's request log, as a user of the platform sees them: calls through the gateway, some
 * failing, are counted per route, per client and for the whole platform with the percentiles of their latencies, and
 * a route that keeps failing raises one platform alert, mailed once to operations.
 * <p>
 * The figures are checked against the request log itself: the test reads {@code gateway.requests} as any Kafka client
 * would and computes each minute's counts and nearest-rank percentiles by hand. The alert needs a route beyond its
 * limit in three consecutive minutes (analytics-service's default), so this test takes two to three minutes of traffic.
 */
@ExtendWith(Platform.class)
@Order(47)
class WebAnalyticsEndToEndTests {

	/** notification-service's default operations address. */
	private static final String OPERATIONS = "fraud-operations@eventplatform.io";

	private static final String CLIENT = "demo-client";

	/** The gateway names a call by its route's pattern, not by its path. */
	private static final String ROUTE = "GET /api/users/**";

	private static final Duration MINUTE = Duration.ofMinutes(1);

	static LocalPlatform platform;

	static String token;

	static String admin;

	@BeforeAll
	static void tokens() {
		platform = Platform.get();
		token = Platform.token(CLIENT, "demo-secret");
		admin = Platform.token("platform-admin", "admin-secret");
	}

	@Test
	void shouldCountFailingCallsPerRouteAndClientAndMailOneAlertWhenARouteKeepsFailing() {
		HttpResponse<String> created = Platform.post("/api/users", """
				{"email":"web-%s@example.com","displayName":"Web Analytics","country":"DE"}"""
			.formatted(UUID.randomUUID()), null, token);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String user = Platform.json.readTree(created.body()).get("id").asString();
		Instant started = Instant.now();

		// Four of five calls ask for users that do not exist (404): 80 % errors, beyond the default limit of 50 %,
		// with far more than the 20 calls a minute the rule needs. Until the alert mail comes, and for each poll.
		await("the route alert's mail").atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofSeconds(3))
			.until(() -> {
				sendCalls(user);
				return !alertMails().isEmpty();
			});
		// The episode goes on: no second mail for it.
		await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(3))
			.until(() -> {
				sendCalls(user);
				return alertMails().size() == 1;
			});
		JsonNode mail = alertMails().get(0);
		assertThat(mail.get("text").asString()).contains("route-error-share").contains(ROUTE);

		// The first whole minute of the traffic, long closed when it is checked.
		Instant minute = started.truncatedTo(ChronoUnit.MINUTES).plus(MINUTE);
		try (TopicReader log = new TopicReader(platform.kafkaBootstrapServers(), Topics.GATEWAY_REQUESTS.name())) {
			await("the minute from " + minute + " as the request log has it").atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofSeconds(2))
				.untilAsserted(() -> {
					List<JsonNode> calls = log.poll(record -> within(record, minute, MINUTE));
					assertThat(calls).hasSizeGreaterThan(20);
					assertFigures(point(series(minute), minute), calls, call -> ROUTE.equals(routeOf(call)));
					assertFigures(point(client(minute), minute), calls,
							call -> CLIENT.equals(call.get("clientId").asString()));
					assertFigures(point(errors(minute), minute), calls, call -> true);
				});
		}

		// Most failing first: the route is among them (other tests' refused calls, "GET unrouted", may fail even more)
		JsonNode failing = Platform.json.readTree(adminGet("/api/analytics/web/routes?minutes=5&sort=errorShare&size=100"));
		List<Double> shares = new ArrayList<>();
		List<String> routes = new ArrayList<>();
		failing.get("routes").forEach(route -> {
			routes.add(route.get("route").asString());
			shares.add(route.get("errorShare").asDouble());
		});
		assertThat(routes).contains(ROUTE);
		assertThat(shares).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(shares.get(routes.indexOf(ROUTE))).isGreaterThan(0.5);
	}

	@Test
	void shouldShowAClientOnlyItsOwnTraffic() {
		HttpResponse<String> own = Platform.get("/api/analytics/web/clients/" + CLIENT, token);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
		HttpResponse<String> others = Platform.get("/api/analytics/web/clients/platform-admin", token);
		assertThat(others.statusCode()).as(others.body()).isEqualTo(403);
		assertThat(others.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		HttpResponse<String> all = Platform.get("/api/analytics/web/routes", token);
		assertThat(all.statusCode()).as(all.body()).isEqualTo(403);
	}

	private static void sendCalls(String user) {
		for (int i = 0; i < 8; i++) {
			assertThat(Platform.get("/api/users/" + UUID.randomUUID(), token).statusCode()).isEqualTo(404);
		}
		for (int i = 0; i < 2; i++) {
			assertThat(Platform.get("/api/users/" + user, token).statusCode()).isEqualTo(200);
		}
	}

	/** The counts and the nearest-rank percentiles of the matching calls, computed here, are the service's. */
	private static void assertFigures(JsonNode point, List<JsonNode> calls, Predicate<JsonNode> matching) {
		List<JsonNode> selected = calls.stream().filter(matching).toList();
		long clientErrors = selected.stream().filter(call -> status(call) / 100 == 4).count();
		long serverErrors = selected.stream().filter(call -> status(call) / 100 == 5).count();
		List<Long> latencies = selected.stream().map(call -> call.get("latencyMillis").asLong()).sorted().toList();
		assertThat(point.get("calls").asLong()).isEqualTo(selected.size());
		assertThat(point.get("clientErrors").asLong()).isEqualTo(clientErrors);
		assertThat(point.get("serverErrors").asLong()).isEqualTo(serverErrors);
		assertThat(point.get("errorShare").asDouble())
			.isCloseTo((double) (clientErrors + serverErrors) / selected.size(), Offset.offset(1e-9));
		for (int percentile : new int[] { 50, 95, 99 }) {
			assertPercentile(point.get("p" + percentile).asLong(), nearestRank(latencies, percentile));
		}
	}

	/**
	 * The service's histogram keeps two significant digits: exact up to 255 ms, and above that it reports the top of
	 * the value's bucket, at most 1 % more.
	 */
	private static void assertPercentile(long reported, long byHand) {
		assertThat(reported).isBetween(byHand, byHand < 256 ? byHand : byHand + byHand / 100 + 1);
	}

	private static long nearestRank(List<Long> sorted, int percentile) {
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
		return sorted.get(Math.max(rank, 1) - 1);
	}

	private static JsonNode point(JsonNode answer, Instant minute) {
		List<JsonNode> found = new ArrayList<>();
		answer.get("points").forEach(point -> {
			if (Instant.parse(point.get("start").asString()).equals(minute)) {
				found.add(point);
			}
		});
		assertThat(found).as("the point of %s in %s", minute, answer).hasSize(1);
		return found.get(0);
	}

	private static JsonNode series(Instant minute) {
		return Platform.json.readTree(adminGet("/api/analytics/web/routes/series?resolution=minute&route="
				+ URLEncoder.encode(ROUTE, StandardCharsets.UTF_8) + range(minute)));
	}

	private static JsonNode client(Instant minute) {
		HttpResponse<String> answer = Platform.get("/api/analytics/web/clients/" + CLIENT + "?resolution=minute"
				+ range(minute), token);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return Platform.json.readTree(answer.body());
	}

	private static JsonNode errors(Instant minute) {
		return Platform.json.readTree(adminGet("/api/analytics/web/errors?resolution=minute" + range(minute)));
	}

	private static String range(Instant minute) {
		return "&from=" + minute + "&to=" + minute.plus(MINUTE);
	}

	private static String adminGet(String path) {
		HttpResponse<String> answer = Platform.get(path, admin);
		assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
		return answer.body();
	}

	private static boolean within(ConsumerRecord<String, byte[]> record, Instant start, Duration length) {
		Instant time = OffsetDateTime.parse(TopicReader.header(record, "ce_time")).toInstant();
		return !time.isBefore(start) && time.isBefore(start.plus(length));
	}

	private static String routeOf(JsonNode call) {
		return call.get("method").asString() + " " + call.get("route").asString();
	}

	private static int status(JsonNode call) {
		return call.get("status").asInt();
	}

	private static List<JsonNode> alertMails() {
		HttpResponse<String> response = Platform.send(HttpRequest
			.newBuilder(platform.mailApiUrl()
				.resolve("/messages?to=" + URLEncoder.encode(OPERATIONS, StandardCharsets.UTF_8)))
			.GET()
			.build());
		List<JsonNode> mails = new ArrayList<>();
		Platform.json.readTree(response.body()).forEach(mail -> {
			if (mail.get("subject").asString().contains(ROUTE)) {
				mails.add(mail);
			}
		});
		return mails;
	}
}
