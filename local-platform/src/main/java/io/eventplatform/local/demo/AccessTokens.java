package io.eventplatform.local.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An access token from the gateway's {@code /oauth2/token} (client-credentials grant), fetched again when four fifths
 * of its lifetime have passed, so a demo that runs for hours never sends an expired one.
 */
final class AccessTokens {

	/** What the gateway issues when the response does not say. */
	private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

	private final HttpClient http;

	private final URI tokenEndpoint;

	private final String basicCredentials;

	private final Clock clock;

	private String token;

	private Instant renewAt = Instant.MIN;

	AccessTokens(HttpClient http, URI gatewayUrl, String clientId, String clientSecret, Clock clock) {
		this.http = http;
		this.tokenEndpoint = gatewayUrl.resolve("/oauth2/token");
		this.basicCredentials = Base64.getEncoder()
			.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
		this.clock = clock;
	}

	/** A token that is still valid, fetching a new one if needed. */
	synchronized String current() throws IOException, InterruptedException {
		if (token == null || !clock.instant().isBefore(renewAt)) {
			fetch();
		}
		return token;
	}

	/** Forgets the token, e.g. after the gateway rejected it; the next call fetches another. */
	synchronized void invalidate() {
		token = null;
	}

	private void fetch() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + basicCredentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new TokenRequestFailed(response.statusCode());
		}
		JsonNode body = JsonMapper.shared().readTree(response.body());
		String accessToken = body.path("access_token").asString(null);
		if (accessToken == null) {
			throw new TokenRequestFailed(response.statusCode());
		}
		long lifetimeSeconds = body.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
		token = accessToken;
		renewAt = clock.instant().plusMillis(lifetimeSeconds * 800);
	}

	/** The token endpoint answered, but with no token. */
	static final class TokenRequestFailed extends IOException {

		private final int status;

		TokenRequestFailed(int status) {
			super("The token endpoint answered " + status);
			this.status = status;
		}

		int status() {
			return status;
		}

	}

}
