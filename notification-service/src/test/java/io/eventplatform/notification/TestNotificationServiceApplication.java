package io.eventplatform.notification;

import org.springframework.boot.SpringApplication;

import io.eventplatform.support.testing.KafkaContainerConfiguration;
import io.eventplatform.support.testing.PostgresContainerConfiguration;

/**
 * The service against PostgreSQL and Kafka in containers, with the settings of production (the {@code postgresql}
 * profile), mailing to an SMTP server in process ({@link MailServerConfiguration}, its port in the log):
 * {@code ./mvnw -pl notification-service spring-boot:test-run} (needs Docker; the containers stop with the application).
 */
public class TestNotificationServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(NotificationServiceApplication::main)
			.with(PostgresContainerConfiguration.class, KafkaContainerConfiguration.class, MailServerConfiguration.class)
			.withAdditionalProfiles("postgresql")
			.run(args);
	}
}
