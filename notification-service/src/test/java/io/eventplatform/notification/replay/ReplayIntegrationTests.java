package io.eventplatform.notification.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.notification.NotificationIntegrationTest;
import io.eventplatform.notification.delivery.Deliveries;
import io.eventplatform.notification.delivery.Delivery;
import io.eventplatform.notification.delivery.DeliveryStatus;

/** An administrator rewinds the listeners to a point in time: every event is read again, nothing is sent again. */
class ReplayIntegrationTests extends NotificationIntegrationTest {

	@Autowired
	Deliveries deliveries;

	@Autowired
	JsonMapper json;

	@Test
	void shouldSendNothingAlreadySentWhenTheListenersAreRewound() {
		Instant from = Instant.now().minusSeconds(1);
		UUID user = UUID.randomUUID();
		String account = "ACC-" + UUID.randomUUID();
		assertThat(mvc.post()
			.uri("/api/notifications/subscriptions")
			.with(token("notifications:write", "platform:admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"replay-guard@example.com\",\"accountId\":\"" + account + "\"}")).hasStatus(201);
		EventEnvelope<UserRegistered> registered = registration(user, "replayed@example.com");
		EventEnvelope<FraudSuspected> alert = fraudAlert(account);
		publish(registered);
		publish(alert);
		awaitMailTo("replayed@example.com");
		awaitMailTo("replay-guard@example.com");

		MvcTestResult replay = mvc.post()
			.uri("/api/notifications/admin/replay")
			.with(token("platform:admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"from\":\"" + from + "\"}")
			.exchange();

		assertThat(replay).hasStatus(202);
		JsonNode groups = json.readTree(replay.getResponse().getContentAsByteArray()).get("groups");
		assertThat(groups.findValuesAsString("listenerId")).containsExactly("fraud-alert-mail",
				"platform-alert-mail", "weather-alert-mail", "welcome-mail");
		// Events after the replay on the same partitions: once they are handled, the replayed ones were read again.
		EventEnvelope<UserRegistered> next = registration(user, "after-replay@example.com");
		EventEnvelope<FraudSuspected> nextAlert = fraudAlert(account);
		publish(next);
		publish(nextAlert);
		awaitMailTo("after-replay@example.com");
		await().until(() -> !deliveries.findByEventId(nextAlert.id()).isEmpty());
		assertThat(mailsTo("replayed@example.com")).hasSize(1);
		String firstTransaction = alert.data().transactionIds().get(0).toString();
		assertThat(mailsTo("replay-guard@example.com")).filteredOn(mail -> textOf(mail).contains(firstTransaction))
			.hasSize(1);
		assertThat(deliveries.findByEventId(registered.id())).singleElement().satisfies(delivery -> {
			assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.SENT);
			assertThat(delivery.getAttempts()).isEqualTo(1);
		});
		assertThat(deliveries.findByEventId(alert.id())).extracting(Delivery::getStatus)
			.containsOnly(DeliveryStatus.SENT)
			.hasSize(2); // the security contact and operations
	}

	@Test
	void shouldLeaveReplaysToAdministrators() {
		assertThat(mvc.post()
			.uri("/api/notifications/admin/replay")
			.with(token("notifications:write"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"from\":\"" + Instant.now() + "\"}")).hasStatus(403);
	}

	private static EventEnvelope<UserRegistered> registration(UUID user, String email) {
		return EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(user, email, "Replay", "GB", false), Clock.systemUTC());
	}

	private static EventEnvelope<FraudSuspected> fraudAlert(String account) {
		return EventEnvelope.of(URI.create("/analytics-service"), new FraudSuspected(account, "burst-of-transactions",
				List.of(UUID.randomUUID()), "Five transactions within a minute"), Clock.systemUTC());
	}
}
