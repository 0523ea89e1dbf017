package io.eventplatform.gateway.limits;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import io.eventplatform.gateway.TokenRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint's own limits, in a gateway of their own: 5 token requests per client id and 10 per source address,
 * one more an hour (every request here comes from 127.0.0.1).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "platform.security.signing-keys.store=target/test-data/token-limit-keys.jwks",
				"spring.kafka.bootstrap-servers=127.0.0.1:1",
				"platform.gateway.rate-limits.token-endpoint.per-client.capacity=5",
				"platform.gateway.rate-limits.token-endpoint.per-client.refill-tokens=1",
				"platform.gateway.rate-limits.token-endpoint.per-client.refill-period=1h",
				"platform.gateway.rate-limits.token-endpoint.per-address.capacity=10",
				"platform.gateway.rate-limits.token-endpoint.per-address.refill-tokens=1",
				"platform.gateway.rate-limits.token-endpoint.per-address.refill-period=1h" })
@DirtiesContext
class TokenEndpointRateLimitIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void shouldRefuseABruteForceOfAClientsSecretWith429AndRetryAfterThenEveryAddressBeyondItsLimit() throws Exception {
		// Given / When: guesses at platform-admin's secret, then requests for other clients from the same address
		List<HttpResponse<String>> guesses = new ArrayList<>();
		for (int guess = 0; guess < 6; guess++) {
			guesses.add(requestToken("platform-admin", "guess-" + guess));
		}
		HttpResponse<String> rightSecretAfterwards = requestToken("platform-admin", "admin-secret");
		HttpResponse<String> otherClient = requestToken("demo-client", "demo-secret");
		List<HttpResponse<String>> unknownClients = new ArrayList<>();
		for (int guess = 0; guess < 3; guess++) {
			unknownClients.add(requestToken("made-up-" + guess, "secret"));
		}

		// Then: 5 guesses are answered 401, the sixth and everything after for that client 429
		assertThat(guesses).extracting(HttpResponse::statusCode).containsExactly(401, 401, 401, 401, 401, 429);
		HttpResponse<String> refused = guesses.get(5);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isPositive());
		assertThat(refused.body()).contains("\"status\":429").contains("for this client");
		assertThat(rightSecretAfterwards.statusCode()).isEqualTo(429);
		// Another client still gets its token, until the address has used its 10 requests
		assertThat(otherClient.statusCode()).isEqualTo(200);
		assertThat(unknownClients).extracting(HttpResponse::statusCode).containsExactly(401, 401, 429);
		assertThat(unknownClients.get(2).body()).contains("from this address");
	}

	private HttpResponse<String> requestToken(String clientId, String secret) throws Exception {
		return TokenRequests.request(http, port, clientId, secret);
	}

}
