package io.eventplatform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.testcontainers.kafka.KafkaContainer;

import io.eventplatform.analytics.registrations.RegistrationAnalyticsIntegrationTests;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.support.testing.ContainersIntegrationTest;
import io.eventplatform.support.testing.KafkaContainerConfiguration;
import io.eventplatform.support.testing.TopicProbe;

/** Registrations on a Kafka broker in a container, counted by the exactly-once Kafka Streams topology. */
@ContainersIntegrationTest(coveredWithoutDockerBy = RegistrationAnalyticsIntegrationTests.class,
		against = "the embedded KRaft broker")
@SpringBootTest(properties = { "spring.kafka.streams.state-dir=target/kafka-streams-containers/${random.uuid}",
		"spring.kafka.streams.properties.commit.interval.ms=100",
		"spring.kafka.streams.properties.statestore.cache.max.bytes=0" })
@AutoConfigureMockMvc
@Import(KafkaContainerConfiguration.class)
class AnalyticsContainersIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	KafkaContainer kafka;

	@Test
	void shouldCountRegistrationsInTheStream() {
		// Given
		EventEnvelope<UserRegistered> first = registration("NL");
		EventEnvelope<UserRegistered> second = registration("NL");

		// When
		TopicProbe.publish(kafka.getBootstrapServers(), first);
		TopicProbe.publish(kafka.getBootstrapServers(), second);

		// Then
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(mvc.get()
			.uri("/api/analytics/registrations")
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_analytics:read")))).hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"total":2,"byCountry":{"NL":2}}"""));
	}

	private static EventEnvelope<UserRegistered> registration(String country) {
		return EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(UUID.randomUUID(), "someone@example.com", "Someone", country, false),
				Clock.systemUTC());
	}
}
