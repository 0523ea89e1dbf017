package io.eventplatform.notification.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.MeterRegistry;
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
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.notification.NotificationIntegrationTest;
import io.eventplatform.notification.delivery.Deliveries;
import io.eventplatform.notification.delivery.Delivery;
import io.eventplatform.notification.delivery.DeliveryStatus;
import io.eventplatform.notification.subscription.SubscriptionManagement;

class WelcomeMailIntegrationTests extends NotificationIntegrationTest {

	@Autowired
	Deliveries deliveries;

	@Autowired
	SubscriptionManagement subscriptions;

	@Autowired
	MeterRegistry meters;

	@Test
	void shouldMailAWelcomeInEnglishAsPlainTextAndHtml() throws Exception {
		EventEnvelope<UserRegistered> event = registration("ada@example.com", "Ada", "GB");

		publish(event);

		MimeMessage mail = awaitMailTo("ada@example.com");
		assertThat(mail.getSubject()).isEqualTo("Welcome to the Event Platform, Ada");
		assertThat(mail.getHeader("Content-Language", null)).isEqualTo("en");
		assertThat(mail.getFrom()[0].toString()).contains("no-reply@eventplatform.io");
		assertThat(textOf(mail)).startsWith("Hello Ada,").contains("your account is ready");
		assertThat(htmlOf(mail)).contains("<html lang=\"en\">").contains("<p>Hello Ada,</p>");
		await().untilAsserted(() -> assertThat(meters.get("platform.notifications")
			.tags("type", "WELCOME", "status", "SENT")
			.counter()
			.count()).isPositive());
	}

	@Test
	void shouldWriteToANewUserInTheLanguageOfTheirCountry() {
		EventEnvelope<UserRegistered> event = registration("joerg@example.de", "Jörg", "DE");

		publish(event);

		MimeMessage mail = awaitMailTo("joerg@example.de");
		assertThat(subjectOf(mail)).isEqualTo("Willkommen bei der Event Platform, Jörg");
		assertThat(textOf(mail)).startsWith("Hallo Jörg,").contains("Ihr Konto ist eingerichtet");
		assertThat(htmlOf(mail)).contains("<html lang=\"de\">").contains("Willkommen an Bord!");
	}

	@Test
	void shouldNotMailTwiceForARedeliveredEvent() {
		EventEnvelope<UserRegistered> event = registration("grace@example.com", "Grace", "GB");
		// Same key, so same partition: once its mail is there, the duplicate before it was surely consumed.
		EventEnvelope<UserRegistered> later = EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(event.data().userId(), "grace-later@example.com", "Grace Later", "GB", false), Clock.systemUTC());

		publish(event);
		publish(event);
		publish(later);

		awaitMailTo("grace-later@example.com");
		assertThat(mailsTo("grace@example.com")).hasSize(1);
		assertThat(deliveries.findByEventId(event.id())).singleElement()
			.extracting(Delivery::getStatus)
			.isEqualTo(DeliveryStatus.SENT);
	}

	@Test
	void shouldSendNoWelcomeToAnAddressThatOptedOutAndRecordItAsSuppressed() {
		subscriptions.optOut("Quiet@Example.com");
		EventEnvelope<UserRegistered> event = registration("quiet@example.com", "Quiet", "GB");
		EventEnvelope<UserRegistered> later = EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(event.data().userId(), "loud@example.com", "Loud", "GB", false), Clock.systemUTC());

		publish(event);
		publish(later);

		awaitMailTo("loud@example.com");
		assertThat(mailsTo("quiet@example.com")).isEmpty();
		assertThat(deliveries.findByEventId(event.id())).singleElement().satisfies(delivery -> {
			assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.SUPPRESSED);
			assertThat(delivery.getCause()).contains("opted out");
		});
	}

	@Test
	void shouldRecordAMessageThatCannotBeDeliveredAsFailedSetItsEventAsideAndCarryOn() {
		EventEnvelope<UserRegistered> undeliverable = registration("nobody-at-example.com", "Nobody", "GB");
		EventEnvelope<UserRegistered> next = EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(undeliverable.data().userId(), "somebody@example.com", "Somebody", "GB", false), Clock.systemUTC());

		publish(undeliverable);
		publish(next);

		awaitMailTo("somebody@example.com");
		assertThat(deliveries.findByEventId(undeliverable.id())).singleElement().satisfies(delivery -> {
			assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.FAILED);
			assertThat(delivery.getCause()).contains("Missing final '@domain'");
			assertThat(delivery.getAttempts()).as("a permanent refusal is not retried").isEqualTo(1);
		});
		ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(Topics.USERS_REGISTERED.deadLetterTopic(),
				undeliverable.id());
		assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).contains("nobody-at-example.com");
		assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("refused 1 of the 1 WELCOME messages");
	}

	@Test
	void shouldSetAsideRecordsThatAreNotValidEventsAndCarryOn() {
		byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
		ProducerRecord<String, byte[]> withoutId = new ProducerRecord<>(Topics.USERS_REGISTERED.name(), "u-1",
				notJson);
		withoutId.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		String marker = UUID.randomUUID().toString();
		withoutId.headers().add("marker", marker.getBytes(StandardCharsets.UTF_8));
		new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker),
				new StringSerializer(), new ByteArraySerializer()))
			.send(withoutId)
			.join();
		EventEnvelope<UserRegistered> next = registration("linus@example.com", "Linus", "GB");

		publish(next);

		awaitMailTo("linus@example.com");
		ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(Topics.USERS_REGISTERED.deadLetterTopic(), "marker", marker);
		assertThat(deadLetter.value()).isEqualTo(notJson);
		assertThat(header(deadLetter, "kafka_dlt-exception-stacktrace")).contains("header ce_id is missing");
	}

	private static String subjectOf(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static EventEnvelope<UserRegistered> registration(String email, String name, String country) {
		return EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(UUID.randomUUID(), email, name, country, false), Clock.systemUTC());
	}
}
