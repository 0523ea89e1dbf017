package io.eventplatform.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.notification.NotificationIntegrationTest;

/** The subscriptions, opt-out and history APIs: their answers, their errors and their scopes. */
class NotificationApiIntegrationTests extends NotificationIntegrationTest {

	/** Security contacts, opt-outs and recipients are personal data: these tests act as the administrator. */
	static final String[] ADMIN_READ = { "notifications:read", "platform:admin" };

	static final String[] ADMIN_WRITE = { "notifications:write", "platform:admin" };

	@Autowired
	JsonMapper json;

	@Test
	void shouldSubscribeAnAddressToAStationOnceAndUnsubscribeIt() {
		String station = "station-" + UUID.randomUUID();
		String body = "{\"email\":\"Reader@Example.com\",\"stationId\":\"" + station + "\",\"language\":\"de\"}";

		MvcTestResult created = post("/api/notifications/subscriptions", body, "notifications:write");
		MvcTestResult again = post("/api/notifications/subscriptions", body, "notifications:write");

		assertThat(created).hasStatus(201);
		JsonNode subscription = read(created);
		String id = subscription.get("id").asString();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/notifications/subscriptions/" + id);
		assertThat(subscription.get("email").asString()).isEqualTo("reader@example.com");
		assertThat(subscription.get("stationId").asString()).isEqualTo(station);
		assertThat(subscription.get("kind").asString()).isEqualTo("WEATHER_ALERTS");
		assertThat(subscription.get("language").asString()).isEqualTo("de");
		assertThat(again).hasStatus(200);
		assertThat(read(again).get("id").asString()).isEqualTo(id);
		JsonNode list = read(get("/api/notifications/subscriptions?stationId=" + station, "notifications:read"));
		assertThat(list.get("page").get("totalElements").asInt()).isEqualTo(1);
		assertThat(get("/api/notifications/subscriptions/" + id, "notifications:read")).hasStatusOk();

		assertThat(mvc.delete().uri("/api/notifications/subscriptions/" + id).with(token("notifications:write")))
			.hasStatus(204);
		assertThat(mvc.delete().uri("/api/notifications/subscriptions/" + id).with(token("notifications:write")))
			.hasStatus(404);
		assertThat(get("/api/notifications/subscriptions/" + id, "notifications:read")).hasStatus(404);
	}

	@Test
	void shouldSubscribeASecurityContactToAnAccount() {
		MvcTestResult created = post("/api/notifications/subscriptions",
				"{\"email\":\"guard@example.com\",\"accountId\":\"ACC-42\"}", ADMIN_WRITE);

		assertThat(created).hasStatus(201);
		assertThat(read(created).get("kind").asString()).isEqualTo("FRAUD_ALERTS");
		assertThat(read(created).get("accountId").asString()).isEqualTo("ACC-42");
		assertThat(read(created).get("language").asString()).isEqualTo("en");
	}

	@Test
	void shouldRefuseAnInvalidSubscriptionNamingEachFieldAndRule() {
		MvcTestResult result = post("/api/notifications/subscriptions",
				"{\"email\":\"not-an-email\",\"stationId\":\"s-1\",\"accountId\":\"ACC-1\",\"language\":\"fr\"}",
				"notifications:write");

		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode errors = read(result).get("errors");
		assertThat(errors.findValuesAsString("field")).containsExactly("email", "language", "oneTarget");
		assertThat(errors.findValuesAsString("rule")).containsExactly("Email", "Pattern", "AssertTrue");
	}

	@Test
	void shouldAskForTheRightScopes() {
		String body = "{\"email\":\"x@example.com\",\"stationId\":\"s-1\"}";

		assertThat(post("/api/notifications/subscriptions", body, "notifications:read")).hasStatus(403);
		assertThat(mvc.post()
			.uri("/api/notifications/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatus(401);
		assertThat(post("/api/notifications/opt-outs", "{\"email\":\"x@example.com\"}", "notifications:read"))
			.hasStatus(403);
		assertThat(get("/api/notifications", "notifications:write")).hasStatus(403);
		assertThat(get("/api/notifications/subscriptions", "users:read")).hasStatus(403);
		assertThat(mvc.get().uri("/api/notifications")).hasStatus(401);
	}

	@Test
	void shouldOptAnAddressOutOfNonCriticalMailAndBackIn() {
		MvcTestResult optedOut = post("/api/notifications/opt-outs", "{\"email\":\"Busy@Example.com\"}",
				ADMIN_WRITE);
		MvcTestResult again = post("/api/notifications/opt-outs", "{\"email\":\"busy@example.com\"}",
				ADMIN_WRITE);

		assertThat(optedOut).hasStatus(201);
		assertThat(read(optedOut).get("email").asString()).isEqualTo("busy@example.com");
		assertThat(again).hasStatus(200);
		assertThat(get("/api/notifications/opt-outs/busy@example.com", ADMIN_READ)).hasStatusOk();
		assertThat(mvc.delete().uri("/api/notifications/opt-outs/busy@example.com").with(token(ADMIN_WRITE)))
			.hasStatus(204);
		assertThat(get("/api/notifications/opt-outs/busy@example.com", ADMIN_READ)).hasStatus(404);
		assertThat(post("/api/notifications/opt-outs", "{\"email\":\"\"}", ADMIN_WRITE)).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void shouldShowEveryDeliveryInTheHistoryFilteredAndPaged() {
		Instant before = Instant.now();
		String address = "history-" + UUID.randomUUID() + "@example.com";
		EventEnvelope<UserRegistered> event = EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(UUID.randomUUID(), address, "Hedy", "AT", false), Clock.systemUTC());

		publish(event);

		awaitMailTo(address);
		await().untilAsserted(() -> assertThat(read(get("/api/notifications?recipient=" + address,
				ADMIN_READ)).get("content").size()).isEqualTo(1));
		JsonNode delivery = read(get("/api/notifications?recipient=" + address + "&type=WELCOME&status=SENT&from="
				+ before + "&to=" + Instant.now().plusSeconds(60), ADMIN_READ)).get("content").get(0);
		assertThat(delivery.get("eventId").asString()).isEqualTo(event.id());
		assertThat(delivery.get("recipient").asString()).isEqualTo(address);
		assertThat(delivery.get("type").asString()).isEqualTo("WELCOME");
		assertThat(delivery.get("status").asString()).isEqualTo("SENT");
		assertThat(delivery.get("language").asString()).isEqualTo("de");
		assertThat(delivery.get("subject").asString()).isEqualTo("Willkommen bei der Event Platform, Hedy");
		assertThat(delivery.get("time").asString()).isNotBlank();
		assertThat(read(get("/api/notifications?recipient=" + address + "&status=FAILED", ADMIN_READ))
			.get("content")
			.size()).isZero();
		assertThat(read(get("/api/notifications?recipient=" + address + "&to=" + before, ADMIN_READ))
			.get("content")
			.size()).isZero();
		JsonNode page = read(get("/api/notifications?size=500", ADMIN_READ)).get("page");
		assertThat(page.get("size").asInt()).isEqualTo(100);
	}

	@Test
	void shouldRefuseAnUnknownStatusAsAProblem() {
		assertThat(get("/api/notifications?status=LOST", "notifications:read")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private MvcTestResult post(String uri, String body, String... scopes) {
		return mvc.post().uri(uri).with(token(scopes)).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private MvcTestResult get(String uri, String... scopes) {
		return mvc.get().uri(uri).with(token(scopes)).exchange();
	}

	private JsonNode read(MvcTestResult result) {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}
}
