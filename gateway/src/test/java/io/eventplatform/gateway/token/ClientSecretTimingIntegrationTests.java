package io.eventplatform.gateway.token;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.eventplatform.gateway.TokenRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client whose secret is stored as a bcrypt hash, as in production: how long the token endpoint takes to answer must
 * not tell a right secret from a wrong one, nor a registered client id from a made-up one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "platform.security.signing-keys.store=target/test-data/timing-keys.jwks",
				"spring.kafka.bootstrap-servers=127.0.0.1:1",
				"platform.gateway.rate-limits.token-endpoint.per-client.capacity=100000",
				"platform.gateway.rate-limits.token-endpoint.per-address.capacity=100000" })
@DirtiesContext
class ClientSecretTimingIntegrationTests {

	private static final String CLIENT = "spring.security.oauth2.authorizationserver.client.hashed-client.registration.";

	/** Cost 10 (the encoder's default): a comparison takes tens of milliseconds, enough to stand out from any noise. */
	private static final String HASHED_SECRET = "{bcrypt}" + new BCryptPasswordEncoder(10).encode("the-right-secret");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void hashedClient(DynamicPropertyRegistry registry) {
		registry.add(CLIENT + "client-id", () -> "hashed-client");
		registry.add(CLIENT + "client-secret", () -> HASHED_SECRET);
		registry.add(CLIENT + "client-authentication-methods", () -> "client_secret_basic");
		registry.add(CLIENT + "authorization-grant-types", () -> "client_credentials");
		registry.add(CLIENT + "scopes", () -> "analytics:read");
	}

	@Test
	void shouldAnswerAWrongSecretAndAnUnknownClientNoFasterThanTheRightSecret() throws Exception {
		// Given: warmed up
		for (int round = 0; round < 3; round++) {
			requestToken("hashed-client", "the-right-secret");
			requestToken("hashed-client", "a-wrong-secret");
			requestToken("no-such-client", "a-wrong-secret");
		}

		// When: interleaved, so that a busy moment of the machine costs each kind alike
		long[] right = new long[9];
		long[] wrong = new long[9];
		long[] unknown = new long[9];
		for (int round = 0; round < right.length; round++) {
			right[round] = timed("hashed-client", "the-right-secret", 200);
			wrong[round] = timed("hashed-client", "a-wrong-secret-" + round, 401);
			unknown[round] = timed("no-such-client-" + round, "a-wrong-secret", 401);
		}

		// Then: a refused attempt costs at least most of what a granted one does (bcrypt dominates both)
		long rightMedian = median(right);
		assertThat(median(wrong)).as("wrong secret vs right secret, ns").isGreaterThan(rightMedian * 7 / 10);
		assertThat(median(unknown)).as("unknown client vs right secret, ns").isGreaterThan(rightMedian * 7 / 10);
	}

	private long timed(String clientId, String secret, int expectedStatus) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = requestToken(clientId, secret);
		long elapsed = System.nanoTime() - start;
		assertThat(response.statusCode()).isEqualTo(expectedStatus);
		return elapsed;
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private HttpResponse<String> requestToken(String clientId, String secret) throws Exception {
		return TokenRequests.request(http, port, clientId, secret);
	}

}
