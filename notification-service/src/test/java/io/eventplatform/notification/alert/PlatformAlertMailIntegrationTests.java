package io.eventplatform.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.platform.PlatformAlertRaised;
import io.eventplatform.notification.NotificationIntegrationTest;
import io.eventplatform.notification.delivery.Deliveries;
import io.eventplatform.notification.delivery.Delivery;
import io.eventplatform.notification.delivery.DeliveryStatus;
import io.eventplatform.notification.delivery.NotificationType;

/**
 * Platform alerts produced straight to {@code platform.alerts}, as analytics-service's route rules produce them, reach
 * the operations address (the shared context's {@code fraud-ops@eventplatform.io}) once per episode. Each test
 * watches a route of its own, so the mails of the others do not count.
 */
class PlatformAlertMailIntegrationTests extends NotificationIntegrationTest {

	private static final String OPERATIONS = "fraud-ops@eventplatform.io";

	private static final Instant SINCE = Instant.parse("2026-11-21T12:00:00Z");

	@Autowired
	Deliveries deliveries;

	@Test
	void shouldMailAPlatformAlertToTheOperationsAddressNamingRuleRouteFiguresAndStart() {
		String route = route();

		publish(alert("route-error-share", route, 0.125, 0.05, "error share above its limit for 3 minutes"));

		MimeMessage mail = awaitMailAbout(route);
		assertThat(subjectOf(mail)).isEqualTo("Platform alert route-error-share on " + route
				+ ": 12.5% (limit 5%) since Nov 21, 2026, 12:00:00 PM UTC");
		assertThat(textOf(mail)).contains("Rule: route-error-share")
			.contains("Route: " + route)
			.contains("Observed: 12.5%")
			.contains("Limit: 5%")
			.contains("Since: Nov 21, 2026, 12:00:00 PM UTC")
			.contains("Last observed: Nov 21, 2026, 12:03:00 PM UTC")
			.contains("error share above its limit for 3 minutes");
		assertThat(htmlOf(mail)).contains("<html lang=\"en\">").contains("<td>route-error-share</td>");
	}

	@Test
	void shouldShowALatencyRuleInMilliseconds() {
		String route = route();

		publish(alert("route-latency-p99", route, 2345.4, 800, "p99 above its limit"));

		MimeMessage mail = awaitMailAbout(route);
		assertThat(subjectOf(mail)).startsWith("Platform alert route-latency-p99 on " + route + ": 2,345 ms (limit 800 ms)");
		assertThat(textOf(mail)).contains("Observed: 2,345 ms").contains("Limit: 800 ms");
	}

	@Test
	void shouldNotMailAPlatformAlertTwiceWhenItIsRedelivered() {
		String route = route();
		EventEnvelope<PlatformAlertRaised> alert = alert("route-error-share", route, 0.2, 0.05, "first episode");

		publish(alert);
		MimeMessage first = awaitMailAbout(route);
		// Redelivered after the throttling interval (3 s here) ended: throttling would no longer hold it back.
		await().pollDelay(Duration.ofMillis(3500)).until(() -> true);
		publish(alert);
		// A later alert about the same route (same key, so the same partition) shows the duplicate was consumed.
		EventEnvelope<PlatformAlertRaised> later = alert("route-latency-p99", route, 1000, 800, "slow now");
		publish(later);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> mailsAbout(route).stream().anyMatch(mail -> subjectOf(mail).contains("route-latency-p99")));
		assertThat(mailsAbout(route)).filteredOn(mail -> subjectOf(mail).equals(subjectOf(first))).hasSize(1);
		assertThat(deliveries.findByEventId(alert.id())).singleElement()
			.extracting(Delivery::getStatus)
			.isEqualTo(DeliveryStatus.SENT);
	}

	@Test
	void shouldHoldAlertsAboutTheSameRuleAndRouteWithinTheIntervalAndMailThemAsOneDigest() {
		String route = route();
		List<EventEnvelope<PlatformAlertRaised>> episode = List.of(
				alert("route-latency-p99", route, 900, 800, "p99 beyond its limit"),
				alert("route-latency-p99", route, 1200, 800, "p99 still beyond"),
				alert("route-latency-p99", route, 1500, 800, "p99 further beyond"));
		EventEnvelope<PlatformAlertRaised> otherRule = alert("route-error-share", route, 0.4, 0.05, "failing too");

		episode.forEach(this::publish);
		publish(otherRule);

		// The other rule about the same route is an episode of its own: mailed at once, not held.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mailsAbout(route).stream().anyMatch(mail -> subjectOf(mail).contains("route-error-share")));
		assertThat(deliveries.findByEventId(episode.get(1).id())).singleElement()
			.extracting(Delivery::getType)
			.isEqualTo(NotificationType.PLATFORM_ALERT);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> mailsAbout(route).stream().anyMatch(mail -> subjectOf(mail).startsWith("Platform alerts ")));
		List<MimeMessage> latency = mailsAbout(route).stream()
			.filter(mail -> subjectOf(mail).contains("route-latency-p99"))
			.toList();
		assertThat(latency).hasSize(2);
		assertThat(textOf(latency.get(0))).contains("Observed: 900 ms");
		MimeMessage digest = latency.get(1);
		assertThat(subjectOf(digest)).isEqualTo("Platform alerts route-latency-p99 " + route + ": 2 more");
		assertThat(textOf(digest)).contains("1,200 ms").contains("1,500 ms").doesNotContain("900 ms");
		assertThat(htmlOf(digest)).contains("<td>1,200 ms</td>").contains("<td>800 ms</td>");
		Delivery collapsed = deliveries.findByEventId(episode.get(1).id()).get(0);
		assertThat(collapsed.getStatus()).isEqualTo(DeliveryStatus.COLLAPSED);
		assertThat(deliveries.findByEventId(episode.get(2).id()).get(0).getDigestId())
			.isEqualTo(collapsed.getDigestId());
	}

	@Test
	void shouldSetAsideARecordThatIsNoPlatformAlertAndMailTheNextOne() {
		String route = route();
		byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
		ProducerRecord<String, byte[]> malformed = new ProducerRecord<>(Topics.PLATFORM_ALERTS.name(), route, notJson);
		malformed.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		String marker = UUID.randomUUID().toString();
		malformed.headers().add("marker", marker.getBytes(StandardCharsets.UTF_8));
		new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker),
				new StringSerializer(), new ByteArraySerializer()))
			.send(malformed)
			.join();

		publish(alert("route-error-share", route, 0.5, 0.05, "after the malformed record"));

		awaitMailAbout(route);
		ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(Topics.PLATFORM_ALERTS.deadLetterTopic(),
				"marker", marker);
		assertThat(deadLetter.value()).isEqualTo(notJson);
		assertThat(deadLetter.key()).isEqualTo(route);
	}

	/** A route of the test's own, as the gateway names routes. */
	private static String route() {
		return "GET /api/test-" + UUID.randomUUID() + "/{id}";
	}

	private static EventEnvelope<PlatformAlertRaised> alert(String rule, String route, double observed,
			double threshold, String explanation) {
		return EventEnvelope.of(URI.create("/analytics-service"), new PlatformAlertRaised(rule, route, explanation,
				observed, threshold, SINCE, SINCE.plus(Duration.ofMinutes(3))), Clock.systemUTC());
	}

	private static MimeMessage awaitMailAbout(String route) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !mailsAbout(route).isEmpty());
		return mailsAbout(route).get(0);
	}

	private static List<MimeMessage> mailsAbout(String route) {
		return mailsTo(OPERATIONS).stream().filter(mail -> subjectOf(mail).contains(route)).toList();
	}

	private static String subjectOf(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
