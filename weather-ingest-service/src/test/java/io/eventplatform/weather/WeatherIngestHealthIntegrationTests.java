package io.eventplatform.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WeatherIngestIntegrationTest
class WeatherIngestHealthIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void shouldBeLiveAndReadyWithTheBrokerReachable() {
		assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatus(200);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatus(200));
	}
}
