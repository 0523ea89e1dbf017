package io.eventplatform.notification.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.users.UserRegistered;

/**
 * The mail server is away for longer than a record's own retries last: the welcome mails wait for it instead of
 * going to the dead-letter topic, and each arrives once when the server is back.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:notification-smtp-away;DB_CLOSE_DELAY=-1",
		"platform.kafka.retry.initial-interval=100ms", "platform.kafka.retry.max-retries=2",
		"platform.kafka.retry.max-interval-while-infrastructure-is-away=500ms" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class WelcomeMailWhileSmtpIsAwayIntegrationTests {

	static final int SMTP_PORT = freePort();

	static GreenMail smtp;

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	EmbeddedKafkaBroker broker;

	@AfterAll
	static void stopSmtp() {
		if (smtp != null) {
			smtp.stop();
		}
	}

	@Test
	void shouldDeliverEveryMessageOnceWhenTheMailServerIsBack() {
		List<String> addresses = List.of("patient-1@example.com", "patient-2@example.com", "patient-3@example.com");

		addresses.forEach(address -> publish(EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(UUID.randomUUID(), address, "Patient", "GB", false), Clock.systemUTC())));
		// Longer than two retries at 100 ms and 200 ms: with bounded retries the records would be set aside by now.
		await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
		smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();

		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= addresses.size());
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(WelcomeMailWhileSmtpIsAwayIntegrationTests::to))
			.containsExactlyInAnyOrderElementsOf(addresses);
	}

	private static String to(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void publish(EventEnvelope<UserRegistered> event) {
		try (var producer = new DefaultKafkaProducerFactory<String, EventEnvelope<?>>(
				KafkaTestUtils.producerProps(broker), new StringSerializer(), new EventSerializer())
			.createProducer()) {
			producer.send(new ProducerRecord<>(Topics.USERS_REGISTERED.name(), event.key(), event));
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
