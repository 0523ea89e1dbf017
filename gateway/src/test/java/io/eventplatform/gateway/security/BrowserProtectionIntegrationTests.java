package io.eventplatform.gateway.security;

import io.eventplatform.gateway.RunningGateway;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserProtectionIntegrationTests extends RunningGateway {

	@Test
	void shouldSendSecurityHeadersWithEveryAnswer() {
		String token = demoToken("users:read");

		for (var response : new org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec[] {
				gateway.get().uri("/api/users/42").headers(headers -> headers.setBearerAuth(token)).exchange(),
				gateway.get().uri("/api/users/42").exchange() }) {
			response.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer")
				.expectHeader()
				.value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'"))
				.expectHeader()
				.value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
		}
	}

	@Test
	void shouldAllowBrowserCallsFromTheConfiguredOriginOnly() {
		// A preflight from the configured origin is answered; the answer to the call names the origin
		gateway.options()
			.uri("/api/users/42")
			.header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN);
		String token = demoToken("users:read");
		gateway.get()
			.uri("/api/users/42")
			.header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
			.headers(headers -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN);

		// Any other origin gets no CORS headers, so its browser refuses to hand over the answer
		gateway.options()
			.uri("/api/users/42")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		gateway.get()
			.uri("/api/users/42")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.headers(headers -> headers.setBearerAuth(token))
			.exchange()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

}
