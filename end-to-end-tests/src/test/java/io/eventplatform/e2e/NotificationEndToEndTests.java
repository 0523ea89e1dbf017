package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.local.LocalPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * notification-service through the gateway: subscriptions, opt-out and the delivery history, with the welcome mail of
 * a registration read from the local SMTP server's mailbox.
 */
@ExtendWith(Platform.class)
@Order(40)
class NotificationEndToEndTests {

	private static final JsonMapper json = Platform.json;

	static LocalPlatform platform;

	static String token;

	/** Recipients and opt-outs are personal data: the administrator's to read and change. */
	static String admin;

	@BeforeAll
	static void token() {
		platform = Platform.get();
		token = Platform.token("demo-client", "demo-secret");
		admin = Platform.token("platform-admin", "admin-secret");
	}

	@Test
	void shouldShowTheWelcomeMailOfARegisteredUserInTheHistory() {
		Instant before = Instant.now();
		String email = "lise+" + UUID.randomUUID() + "@example.com";

		HttpResponse<String> registered = post("/api/users", """
				{"email":"%s","displayName":"Lise Meitner","country":"AT"}""".formatted(email), token);

		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		JsonNode mail = awaitMailTo(email);
		assertThat(mail.get("subject").asString()).isEqualTo("Willkommen bei der Event Platform, Lise Meitner");
		assertThat(mail.get("text").asString()).contains("Hallo Lise Meitner");
		assertThat(mail.get("html").asString()).contains("<p>Hallo Lise Meitner,</p>");
		JsonNode history = json.readTree(get("/api/notifications?recipient=" + encode(email) + "&type=WELCOME&from="
				+ before, admin).body());
		assertThat(history.get("content")).hasSize(1);
		JsonNode delivery = history.get("content").get(0);
		assertThat(delivery.get("status").asString()).isEqualTo("SENT");
		assertThat(delivery.get("recipient").asString()).isEqualTo(email);
		assertThat(delivery.get("subject").asString()).isEqualTo(mail.get("subject").asString());
		assertThat(delivery.get("eventId").asString()).isNotBlank();
	}

	@Test
	void shouldSubscribeAnAddressToAStationAndListIt() {
		String station = "station-e2e-" + UUID.randomUUID();

		HttpResponse<String> created = post("/api/notifications/subscriptions", """
				{"email":"watcher@example.com","stationId":"%s","language":"de"}""".formatted(station), token);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json.readTree(created.body()).get("id").asString();
		assertThat(created.headers().firstValue("Location"))
			.hasValue(platform.gatewayUrl().resolve("/api/notifications/subscriptions/" + id).toString());
		JsonNode listed = json.readTree(get("/api/notifications/subscriptions?stationId=" + station, token).body());
		assertThat(listed.get("content").findValuesAsString("id")).containsExactly(id);
		assertThat(listed.get("content").get(0).get("language").asString()).isEqualTo("de");
	}

	@Test
	void shouldSendNoWelcomeToAnAddressThatOptedOutAndSayWhyInTheHistory() {
		String email = "quiet+" + UUID.randomUUID() + "@example.com";
		assertThat(post("/api/notifications/opt-outs", "{\"email\":\"%s\"}".formatted(email), admin).statusCode())
			.isEqualTo(201);

		assertThat(post("/api/users", """
				{"email":"%s","displayName":"Quiet User","country":"GB"}""".formatted(email), token).statusCode())
			.isEqualTo(201);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode history = json.readTree(get("/api/notifications?recipient=" + encode(email), admin).body());
			assertThat(history.get("content")).hasSize(1);
			assertThat(history.get("content").get(0).get("status").asString()).isEqualTo("SUPPRESSED");
		});
		assertThat(mailsTo(email)).isEmpty();
	}

	@Test
	void shouldRefuseChangesWithoutTheWriteScopeAndInvalidInputAsAProblem() {
		String readOnly = scopedToken("notifications:read");

		HttpResponse<String> forbidden = post("/api/notifications/subscriptions",
				"{\"email\":\"x@example.com\",\"stationId\":\"s-1\"}", readOnly);
		HttpResponse<String> invalid = post("/api/notifications/subscriptions",
				"{\"email\":\"not-an-address\",\"stationId\":\"s-1\"}", token);

		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(invalid.body()).get("errors").findValuesAsString("field")).containsExactly("email");
	}

	private static HttpResponse<String> post(String path, String body, String bearer) {
		return Platform.post(path, body, null, bearer);
	}

	private static HttpResponse<String> get(String path, String bearer) {
		HttpResponse<String> response = Platform.get(path, bearer);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

	private static String scopedToken(String scope) {
		return Platform.token("demo-client", "demo-secret", scope);
	}

	private static JsonNode awaitMailTo(String address) {
		List<JsonNode> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			found.clear();
			found.addAll(mailsTo(address));
			return !found.isEmpty();
		});
		assertThat(found).as("exactly one mail to " + address).hasSize(1);
		return found.get(0);
	}

	private static List<JsonNode> mailsTo(String address) {
		HttpResponse<String> response = Platform.send(HttpRequest
			.newBuilder(platform.mailApiUrl().resolve("/messages?to=" + encode(address)))
			.GET()
			.build());
		List<JsonNode> mails = new ArrayList<>();
		json.readTree(response.body()).forEach(mails::add);
		return mails;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
