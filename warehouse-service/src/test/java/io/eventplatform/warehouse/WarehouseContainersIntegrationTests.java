package io.eventplatform.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.testcontainers.kafka.KafkaContainer;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.support.testing.ContainersIntegrationTest;
import io.eventplatform.support.testing.KafkaContainerConfiguration;
import io.eventplatform.support.testing.PostgresContainerConfiguration;
import io.eventplatform.support.testing.TopicProbe;

/** Registrations read from a Kafka broker in a container and written to the warehouse in PostgreSQL in a container. */
@ContainersIntegrationTest(coveredWithoutDockerBy = { WarehouseSyncIntegrationTests.class,
		WarehousePostgresIntegrationTests.class })
@SpringBootTest
@ActiveProfiles("postgresql")
@Import({ PostgresContainerConfiguration.class, KafkaContainerConfiguration.class })
class WarehouseContainersIntegrationTests {

	@Autowired
	UserHistory warehouse;

	@Autowired
	KafkaContainer kafka;

	@Test
	void shouldKeepRegistrationsInTheWarehouse() {
		// Given
		EventEnvelope<UserRegistered> first = registration("NL");
		EventEnvelope<UserRegistered> second = registration("NL");

		// When
		TopicProbe.publish(kafka.getBootstrapServers(), first);
		TopicProbe.publish(kafka.getBootstrapServers(), second);

		// Then
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(warehouse.ofCountry("NL", null, null, 0, 10).content())
				.extracting(UserHistory.StoredUser::userId)
				.containsExactlyInAnyOrder(first.data().userId(), second.data().userId()));
	}

	private static EventEnvelope<UserRegistered> registration(String country) {
		return EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(UUID.randomUUID(), "someone@example.com", "Someone", country, false),
				Clock.systemUTC());
	}
}
