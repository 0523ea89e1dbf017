package io.eventplatform.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import io.eventplatform.gateway.RunningGateway;

class RateLimitIntegrationTests extends RunningGateway {

	@Test
	void shouldRefuseExactlyTheCallsBeyondTheClientsLimitWithRetryAfter() {
		String token = limitedClientToken();
		List<EntityExchangeResult<String>> answers = new ArrayList<>();

		for (int call = 0; call < 5; call++) {
			answers.add(gateway.get()
				.uri("/api/analytics/registrations")
				.headers(headers -> headers.setBearerAuth(token))
				.exchange()
				.expectBody(String.class)
				.returnResult());
		}

		assertThat(answers).extracting(answer -> answer.getStatus().value()).containsExactly(200, 200, 200, 429, 429);
		EntityExchangeResult<String> refused = answers.get(4);
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"))).isPositive();
		assertThat(answers.get(2).getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo("0");
	}

	@Test
	void shouldCountEachClientApart() {
		String limited = limitedClientToken();
		for (int call = 0; call < 4; call++) {
			gateway.get().uri("/api/analytics/registrations").headers(h -> h.setBearerAuth(limited)).exchange();
		}

		gateway.get()
			.uri("/api/analytics/registrations")
			.headers(headers -> headers.setBearerAuth(demoToken("analytics:read")))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void shouldNotCountCallsWithoutAValidToken() {
		gateway.get().uri("/api/analytics/registrations").exchange().expectStatus().isUnauthorized();
	}
}
