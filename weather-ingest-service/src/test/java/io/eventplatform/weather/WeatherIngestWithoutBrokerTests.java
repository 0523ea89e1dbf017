package io.eventplatform.weather;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Nothing listens on port 1: the service starts, stays live, and says it is not ready. */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.admin.operation-timeout=1s",
		"spring.kafka.admin.close-timeout=1s" })
@AutoConfigureMockMvc
class WeatherIngestWithoutBrokerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void shouldStayLiveButNotReadyWithoutTheBroker() {
		assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatus(200);
		assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatus(503);
	}
}
