package io.eventplatform.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.weather.WeatherAlertRaised;
import io.eventplatform.notification.NotificationIntegrationTest;
import io.eventplatform.notification.delivery.Deliveries;
import io.eventplatform.notification.delivery.Delivery;
import io.eventplatform.notification.delivery.DeliveryStatus;
import io.eventplatform.notification.delivery.NotificationType;

/**
 * Alerts produced straight to their topics, as analytics-service will produce them (CloudEvents headers written by
 * the contract's serializer), reach the subscribers through the API's subscriptions.
 */
class AlertMailIntegrationTests extends NotificationIntegrationTest {

	@Autowired
	Deliveries deliveries;

	@Test
	void shouldMailAFraudAlertToTheAccountsSecurityContactInTheirLanguageAndToOperations() throws Exception {
		String account = "ACC-" + UUID.randomUUID();
		subscribe("{\"email\":\"contact@example.de\",\"accountId\":\"" + account + "\",\"language\":\"de\"}");
		UUID transaction = UUID.randomUUID();
		EventEnvelope<FraudSuspected> alert = fraudAlert(account, transaction);

		publish(alert);

		MimeMessage toContact = awaitMailTo("contact@example.de");
		assertThat(toContact.getSubject()).isEqualTo("Betrugsverdacht für Konto " + account);
		assertThat(toContact.getHeader("Content-Language", null)).isEqualTo("de");
		assertThat(textOf(toContact)).contains("Unsere Betrugsprüfung hat Vorgänge auf Konto " + account)
			.contains("Regel: amount-above-threshold")
			.contains("12,000.00 EUR at Watches Ltd is above the threshold")
			.contains("- " + transaction);
		assertThat(htmlOf(toContact)).contains("<html lang=\"de\">")
			.contains("<td>amount-above-threshold</td>")
			.contains("<li>" + transaction + "</li>");
		await().until(() -> mailsTo("fraud-ops@eventplatform.io").stream().anyMatch(mail -> textOf(mail).contains(account)));
		MimeMessage toOperations = mailsTo("fraud-ops@eventplatform.io").stream()
			.filter(mail -> textOf(mail).contains(account))
			.findFirst()
			.orElseThrow();
		assertThat(toOperations.getSubject()).isEqualTo("Suspected fraud on account " + account);
		assertThat(textOf(toOperations)).contains("Rule: amount-above-threshold");
	}

	@Test
	void shouldMailAWeatherAlertToEachSubscriberOfTheStationWithTheReading() throws Exception {
		String station = "station-" + UUID.randomUUID();
		subscribe("{\"email\":\"hiker@example.com\",\"stationId\":\"" + station + "\"}");
		subscribe("{\"email\":\"wanderer@example.de\",\"stationId\":\"" + station + "\",\"language\":\"de\"}");
		subscribe("{\"email\":\"elsewhere@example.com\",\"stationId\":\"station-elsewhere\"}");

		publish(weatherAlert(station, 41.5));

		MimeMessage english = awaitMailTo("hiker@example.com");
		assertThat(english.getSubject()).isEqualTo("Weather alert for station " + station);
		assertThat(textOf(english)).contains("Rule: extreme-heat")
			.contains("Temperature: 41.5 °C")
			.contains("Humidity: 12 %");
		assertThat(htmlOf(english)).contains("41.5 °C");
		MimeMessage german = awaitMailTo("wanderer@example.de");
		assertThat(german.getSubject()).isEqualTo("Wetterwarnung für Station " + station);
		assertThat(textOf(german)).contains("Temperatur: 41,5 °C");
		assertThat(mailsTo("elsewhere@example.com")).isEmpty();
	}

	@Test
	void shouldNotMailAnAlertTwiceWhenItIsRedelivered() throws Exception {
		String station = "station-" + UUID.randomUUID();
		subscribe("{\"email\":\"once@example.com\",\"stationId\":\"" + station + "\"}");
		EventEnvelope<WeatherAlertRaised> alert = weatherAlert(station, 45.0);

		publish(alert);
		awaitMailTo("once@example.com");
		publish(alert);
		// A later alert on the same partition shows the duplicate was consumed: it is held, the duplicate is not.
		EventEnvelope<WeatherAlertRaised> later = weatherAlert(station, 46.0);
		publish(later);

		await().until(() -> !deliveries.findByEventId(later.id()).isEmpty());
		assertThat(deliveries.findByEventId(alert.id())).singleElement()
			.extracting(Delivery::getStatus)
			.isEqualTo(DeliveryStatus.SENT);
		assertThat(mailsTo("once@example.com")).filteredOn(mail -> textOf(mail).contains("45.0 °C")).hasSize(1);
	}

	@Test
	void shouldCollapseABurstOfAlertsAboutOneStationIntoOneDigest() throws Exception {
		String station = "station-" + UUID.randomUUID();
		subscribe("{\"email\":\"storm-watcher@example.com\",\"stationId\":\"" + station + "\"}");
		List<EventEnvelope<WeatherAlertRaised>> burst = List.of(weatherAlert(station, 41.0),
				weatherAlert(station, 42.0), weatherAlert(station, 43.0));

		burst.forEach(this::publish);

		MimeMessage first = awaitMailTo("storm-watcher@example.com");
		assertThat(textOf(first)).contains("41.0 °C");
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo("storm-watcher@example.com").size() == 2);
		MimeMessage digest = mailsTo("storm-watcher@example.com").get(1);
		assertThat(digest.getSubject()).isEqualTo("Weather alerts for station " + station + ": 2 more");
		assertThat(textOf(digest)).contains("42.0 °C").contains("43.0 °C").doesNotContain("41.0 °C");
		assertThat(htmlOf(digest)).contains("42.0 °C").contains("43.0 °C");
		Delivery collapsed = deliveries.findByEventId(burst.get(1).id()).get(0);
		assertThat(collapsed.getStatus()).isEqualTo(DeliveryStatus.COLLAPSED);
		assertThat(deliveries.findByEventId(burst.get(2).id()).get(0).getDigestId()).isEqualTo(collapsed.getDigestId());
		// The digest went out once, whatever the rounds that looked for it.
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
		assertThat(mailsTo("storm-watcher@example.com")).hasSize(2);
		assertThat(collapsed.getType()).isEqualTo(NotificationType.WEATHER_ALERT);
	}

	private void subscribe(String body) {
		assertThat(mvc.post()
			.uri("/api/notifications/subscriptions")
			.with(token("notifications:write", "platform:admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatus(201);
	}

	static EventEnvelope<FraudSuspected> fraudAlert(String account, UUID transaction) {
		return EventEnvelope.of(URI.create("/analytics-service"), new FraudSuspected(account,
				"amount-above-threshold", List.of(transaction), "12,000.00 EUR at Watches Ltd is above the threshold"), Clock.systemUTC());
	}

	static EventEnvelope<WeatherAlertRaised> weatherAlert(String station, double temperature) {
		return EventEnvelope.of(URI.create("/analytics-service"), new WeatherAlertRaised(station, "extreme-heat",
				"Temperature above 40 °C", Instant.parse("2026-11-21T12:00:00Z"), temperature, 12.0), Clock.systemUTC());
	}
}
