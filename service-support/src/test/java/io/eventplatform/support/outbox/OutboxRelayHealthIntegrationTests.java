package io.eventplatform.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.transaction.support.TransactionTemplate;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.support.kafka.EventPublisher;

/** An {@link Error} that ends the relay's thread makes the service unready instead of leaving events unpublished. */
@SpringBootTest(classes = { OutboxTestApplication.class, OutboxRelayHealthIntegrationTests.ErrorOnPublish.class },
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=outbox-health-test", "platform.kafka.produces=transactions.recorded", "platform.outbox.enabled=true",
				"spring.datasource.url=jdbc:h2:mem:outbox-health;DB_CLOSE_DELAY=-1" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OutboxRelayHealthIntegrationTests {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	OutboxRelayHealthIndicator health;

	@Test
	void shouldBeDownOnceAnErrorEndedTheRelay() {
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		// The relay's thread ends with the error (uncaught, as it should): keep it from failing the test run.
		Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
		List<Throwable> uncaught = new CopyOnWriteArrayList<>();
		Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
		try {
			transactions.executeWithoutResult(status -> outbox.add(TransactionEvents.interleaved(1, 1).get(0)));

			// Awaitility would rethrow the relay thread's error itself; this test expects that error and asserts on it.
			await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				var down = health.health();
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(down.getDetails().get("error").toString()).contains("StackOverflowError");
			});
			await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> !uncaught.isEmpty());
			assertThat(uncaught).singleElement().isInstanceOf(StackOverflowError.class);
		}
		finally {
			Thread.setDefaultUncaughtExceptionHandler(previous);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ErrorOnPublish {

		@Bean
		EventPublisher eventPublisher(KafkaTemplate<String, EventEnvelope<?>> kafkaTemplate, MeterRegistry meters) {
			return new EventPublisher(kafkaTemplate, URI.create("/outbox-health-test"), meters, java.time.Clock.systemUTC()) {
				@Override
				public CompletableFuture<SendResult<String, EventEnvelope<?>>> publish(EventEnvelope<?> event) {
					throw new StackOverflowError("simulated: a publisher that recursed without end");
				}
			};
		}
	}
}
