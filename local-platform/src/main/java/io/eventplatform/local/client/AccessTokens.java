package io.eventplatform.local.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An access token from the gateway's {@code /oauth2/token} (client-credentials grant, HTTP Basic client
 * authentication), fetched again when four fifths of its lifetime have passed, so a client that runs for hours never
 * sends an expired one.
 */
public final class AccessTokens {

	/** What the gateway issues when the response does not say. */
	private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

	private final Sender sender;

	private final URI tokenEndpoint;

	private final String clientId;

	private final String basicCredentials;

	private final @Nullable String scope;

	private final Clock clock;

	private @Nullable String token;

	private Instant renewAt = Instant.MIN;

	public AccessTokens(HttpClient http, URI gatewayUrl, String clientId, String clientSecret, Clock clock) {
		this(request -> http.send(request, HttpResponse.BodyHandlers.ofString()), gatewayUrl, clientId, clientSecret,
				clock);
	}

	/** With a sender of the client's own, e.g. one that waits out a 429 as the client does for every call. */
	public AccessTokens(Sender sender, URI gatewayUrl, String clientId, String clientSecret, Clock clock) {
		this(sender, gatewayUrl.resolve("/oauth2/token"), clientId, Base64.getEncoder()
			.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)), null, clock);
	}

	private AccessTokens(Sender sender, URI tokenEndpoint, String clientId, String basicCredentials,
			@Nullable String scope, Clock clock) {
		this.sender = sender;
		this.tokenEndpoint = tokenEndpoint;
		this.clientId = clientId;
		this.basicCredentials = basicCredentials;
		this.scope = scope;
		this.clock = clock;
	}

	/** Tokens that grant only the given scopes (space-separated) of those the client has, rather than all. */
	public AccessTokens withScope(String scope) {
		return new AccessTokens(sender, tokenEndpoint, clientId, basicCredentials, scope, clock);
	}

	/** A token that is still valid, fetching a new one if needed. */
	public synchronized String current() throws IOException, InterruptedException {
		String current = token;
		if (current == null || !clock.instant().isBefore(renewAt)) {
			current = fetch();
		}
		return current;
	}

	/** Forgets the token, e.g. after the gateway rejected it; the next call fetches another. */
	public synchronized void invalidate() {
		token = null;
	}

	private String fetch() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + basicCredentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
					+ (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8))))
			.build();
		HttpResponse<String> response = sender.send(request);
		if (response.statusCode() != 200) {
			throw new TokenRequestFailed(clientId, response.statusCode(), response.body());
		}
		JsonNode body = JsonMapper.shared().readTree(response.body());
		String accessToken = body.path("access_token").asString(null);
		if (accessToken == null) {
			throw new TokenRequestFailed(clientId, response.statusCode(), response.body());
		}
		long lifetimeSeconds = body.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
		token = accessToken;
		renewAt = clock.instant().plusMillis(lifetimeSeconds * 800);
		return accessToken;
	}

	/** Sends the token request. */
	@FunctionalInterface
	public interface Sender {

		HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException;

	}

	/** The token endpoint answered, but with no token. */
	public static final class TokenRequestFailed extends IOException {

		private final int status;

		TokenRequestFailed(String clientId, int status, String body) {
			super("The token endpoint answered " + status + " for " + clientId + ": " + body);
			this.status = status;
		}

		public int status() {
			return status;
		}

	}

}
