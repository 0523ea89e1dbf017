package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.local.LocalPlatform;
import tools.jackson.databind.JsonNode;

/**
 * The whole chain from a producer to a person's mailbox, through the gateway with real tokens: transactions to
 * transaction-service, the fraud rule in analytics-service, the alert on {@code transactions.fraud-alerts}, the mail
 * from notification-service to the account's security contact and to operations; and a reading beyond the weather
 * limits to the subscribers of its station.
 */
@ExtendWith(Platform.class)
@Order(41)
class AlertMailEndToEndTests {

	/** The operations address of notification-service's default configuration: it gets every fraud alert. */
	private static final String OPERATIONS = "fraud-operations@eventplatform.io";

	static LocalPlatform platform;

	static String token;

	/** Security contacts belong to their account: the demo client owns none, so the administrator adds them. */
	static String admin;

	@BeforeAll
	static void token() {
		platform = Platform.get();
		token = Platform.token("demo-client", "demo-secret");
		admin = Platform.token("platform-admin", "admin-secret");
	}

	@Test
	void shouldMailOneFraudAlertToTheSecurityContactAndToOperations() {
		String account = "ACC-MAIL-" + UUID.randomUUID().toString().substring(0, 8);
		String contact = "security+" + UUID.randomUUID() + "@example.com";
		assertThat(post("/api/notifications/subscriptions", """
				{"email":"%s","accountId":"%s"}""".formatted(contact, account), null, admin).statusCode())
			.isEqualTo(201);

		// Above the default threshold of 10000: one transaction, one alert, one mail per recipient.
		HttpResponse<String> recorded = post("/api/transactions", """
				{"accountId":"%s","amount":"12500.00","currency":"EUR","direction":"DEBIT","merchant":"Jeweller",
				 "merchantCountry":"NL","occurredAt":"%s"}""".formatted(account, Instant.now().truncatedTo(ChronoUnit.SECONDS)),
				UUID.randomUUID().toString());
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
		String transactionId = Platform.json.readTree(recorded.body()).get("id").asString();

		JsonNode mail = awaitOneMail(contact, "Suspected fraud on account " + account);
		assertThat(mail.get("text").asString()).contains("amount-above-threshold").contains(transactionId);
		assertThat(mail.get("html").asString()).contains(account);
		awaitOneMail(OPERATIONS, "Suspected fraud on account " + account);
	}

	@Test
	void shouldMailAnExtremeWeatherAlertToTheSubscribersOfTheStationInTheirLanguage() {
		String station = "mail-" + UUID.randomUUID().toString().substring(0, 8);
		String hiker = "hiker+" + UUID.randomUUID() + "@example.com";
		String bystander = "bystander+" + UUID.randomUUID() + "@example.com";
		assertThat(post("/api/notifications/subscriptions", """
				{"email":"%s","stationId":"%s","language":"de"}""".formatted(hiker, station), null).statusCode())
			.isEqualTo(201);
		assertThat(post("/api/notifications/subscriptions", """
				{"email":"%s","stationId":"%s-elsewhere"}""".formatted(bystander, station), null).statusCode())
			.isEqualTo(201);

		// Above the default limit of 50 °C.
		HttpResponse<String> accepted = post("/api/weather/readings", """
				{"stationId":"%s","observedAt":"%s","temperatureCelsius":56.5,"humidityPercent":12}"""
			.formatted(station, Instant.now().truncatedTo(ChronoUnit.SECONDS)), null);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

		JsonNode mail = awaitOneMail(hiker, "Wetterwarnung");
		assertThat(mail.get("subject").asString()).contains(station);
		// German number format: a decimal comma.
		assertThat(mail.get("text").asString()).contains("56,5 °C");
		assertThat(mailsTo(bystander)).isEmpty();
	}

	/** Waits for the mail with this subject, then checks it came once. */
	private static JsonNode awaitOneMail(String address, String subject) {
		List<JsonNode> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(90)).until(() -> {
			found.clear();
			mailsTo(address).stream()
				.filter(mail -> mail.get("subject").asString().contains(subject))
				.forEach(found::add);
			return !found.isEmpty();
		});
		assertThat(found).as("mails to %s about %s", address, subject).hasSize(1);
		return found.get(0);
	}

	private static List<JsonNode> mailsTo(String address) {
		HttpResponse<String> response = Platform.send(HttpRequest
			.newBuilder(platform.mailApiUrl()
				.resolve("/messages?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8)))
			.GET()
			.build());
		List<JsonNode> mails = new ArrayList<>();
		Platform.json.readTree(response.body()).forEach(mails::add);
		return mails;
	}

	private static HttpResponse<String> post(String path, String body, String idempotencyKey) {
		return post(path, body, idempotencyKey, token);
	}

	private static HttpResponse<String> post(String path, String body, String idempotencyKey, String bearer) {
		return Platform.post(path, body, idempotencyKey, bearer);
	}
}
