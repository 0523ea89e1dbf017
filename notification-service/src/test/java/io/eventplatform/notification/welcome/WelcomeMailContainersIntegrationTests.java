package io.eventplatform.notification.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.testcontainers.kafka.KafkaContainer;

import com.icegreen.greenmail.util.GreenMail;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.notification.MailServerConfiguration;
import io.eventplatform.notification.NotificationIntegrationTest;
import io.eventplatform.notification.NotificationSchemaOnPostgresIntegrationTests;
import io.eventplatform.notification.delivery.Deliveries;
import io.eventplatform.notification.delivery.Delivery;
import io.eventplatform.notification.delivery.DeliveryStatus;
import io.eventplatform.support.testing.ContainersIntegrationTest;
import io.eventplatform.support.testing.KafkaContainerConfiguration;
import io.eventplatform.support.testing.PostgresContainerConfiguration;
import io.eventplatform.support.testing.TopicProbe;

/** A registration read from a Kafka broker in a container, mailed, and its delivery kept in PostgreSQL in a container. */
@ContainersIntegrationTest(coveredWithoutDockerBy = { WelcomeMailIntegrationTests.class,
		NotificationSchemaOnPostgresIntegrationTests.class })
@SpringBootTest
@ActiveProfiles("postgresql")
@Import({ PostgresContainerConfiguration.class, KafkaContainerConfiguration.class, MailServerConfiguration.class })
class WelcomeMailContainersIntegrationTests {

	@Autowired
	KafkaContainer kafka;

	@Autowired
	GreenMail mailServer;

	@Autowired
	Deliveries deliveries;

	@Test
	void shouldMailAWelcomeForARegistrationOnKafkaAndRecordItsDeliveryInPostgres() throws Exception {
		// Given
		EventEnvelope<UserRegistered> event = EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(UUID.randomUUID(), "ada@example.com", "Ada", "GB", false), Clock.systemUTC());

		// When
		TopicProbe.publish(kafka.getBootstrapServers(), event);

		// Then
		await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(mailServer.getReceivedMessages())
			.anyMatch(mail -> NotificationIntegrationTest.recipientIs(mail, "ada@example.com")));
		MimeMessage mail = mailServer.getReceivedMessages()[0];
		assertThat(mail.getSubject()).isEqualTo("Welcome to the Event Platform, Ada");
		await().untilAsserted(() -> assertThat(deliveries.findByEventId(event.id())).singleElement()
			.extracting(Delivery::getStatus)
			.isEqualTo(DeliveryStatus.SENT));
	}
}
