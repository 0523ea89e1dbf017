package io.eventplatform.gateway.routing;

import io.eventplatform.gateway.RunningGateway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentationIntegrationTests extends RunningGateway {

	@Test
	void shouldServeEachServicesApiDescriptionThroughTheGatewayWithoutAToken() {
		// Given / When
		gateway.get().uri("/api-docs/transaction").exchange().expectStatus().isOk();

		// Then: the service was asked for its own description
		assertThat(downstream.lastRequestTo("/v3/api-docs")).isPresent();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldListEveryServiceInSwaggerUi() {
		gateway.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].url")
			.value(urls -> assertThat((java.util.List<Object>) urls).containsExactlyInAnyOrder("/api-docs/registration",
					"/api-docs/weather-ingest", "/api-docs/transaction", "/api-docs/notification",
					"/api-docs/analytics", "/api-docs/warehouse"));
		gateway.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

	@Test
	void shouldAnswer503ForTheDescriptionOfAServiceThatIsDown() {
		gateway.get().uri("/api-docs/weather-ingest").exchange().expectStatus().isEqualTo(503);
	}

}
