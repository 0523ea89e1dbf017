package io.eventplatform.support.kafka.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.support.kafka.EventPublisher;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=listener-health-test", "platform.kafka.consumes=users.registered",
				"platform.kafka.produces=users.registered",
				"spring.datasource.url=jdbc:h2:mem:listener-health;DB_CLOSE_DELAY=-1" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class KafkaListenersHealthIntegrationTests {

	@Autowired
	EventPublisher publisher;

	@Autowired
	ListenerHealthTestApplication.FailingListener listener;

	@Autowired
	@Qualifier("kafkaListenersHealthIndicator")
	HealthIndicator health;

	@Test
	void shouldBeDownOnceAnErrorStoppedAListenerContainer() {
		publisher.publish(publisher.newEvent(new UserRegistered(UUID.randomUUID(), "a@example.com", "Ada", "GB", false)))
			.join();
		await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.get() == 1);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);

		publisher
			.publish(publisher.newEvent(new UserRegistered(UUID.randomUUID(), "b@example.com", "fatal", "GB", false)))
			.join();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var down = health.health();
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("stopped", java.util.List.of("listener-health-test"));
		});
	}
}
