package io.eventplatform.gateway.security;

import io.eventplatform.gateway.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManagementEndpointsIntegrationTests extends RunningGateway {

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
	void answersHealthProbesWithoutToken(String probe) {
		// Given / When / Then
		gateway.get().uri(probe).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
	}

	@Test
	void keepsEndpointsThatAreNotExposedClosedEvenToAdministrators() {
		// Given
		String token = adminToken();

		// When / Then
		gateway.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
		gateway.get()
			.uri("/actuator/env")
			.headers(headers -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
