package io.eventplatform.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** With an outbox the service serves while the broker is away (port 1: nothing there); it needs its database. */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:transactions;DB_CLOSE_DELAY=-1",
		"spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.admin.operation-timeout=1s",
		"spring.kafka.admin.close-timeout=1s" })
@AutoConfigureMockMvc
class TransactionServiceHealthTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void shouldBeReadyWithItsDatabaseEvenWithoutTheBroker() {
		assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatus(200);
		assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatus(200);
		assertThat(mvc.get().uri("/api/transactions")).hasStatus(401);
	}

	@Test
	void shouldDescribeItsApiWithOpenApiWithoutAToken() {
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.paths['/api/transactions'].post")
			.isNotNull();
	}
}
