package io.eventplatform.gateway.analytics;

import java.time.Duration;

import io.eventplatform.gateway.RunningGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shared test gateway has no broker (bootstrap servers point at a closed port). */
class RequestAnalyticsWithoutBrokerIntegrationTests extends RunningGateway {

	@Autowired
	MeterRegistry meters;

	@Test
	void shouldAnswerEveryCallAtOnceWhileTheBrokerIsAway() {
		// Given: a producer that waits up to max.block.ms (5 s) for a broker that never comes
		String token = demoToken("users:read");

		// When / Then: each call answers well within that, with the service's answer
		for (int call = 0; call < 20; call++) {
			long started = System.nanoTime();
			gateway.get()
				.uri("/api/users/42")
				.headers(headers -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		}
		// The events wait for the broker off the request thread.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(meters.get("gateway.requests.events.queued").gauge().value())
				.isPositive());
	}

}
