package io.eventplatform.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The gateway on a random port, in front of one {@link FakeDownstream} that plays registration, transaction,
 * notification and analytics, and another that plays warehouse-service (so a test sees which of the two a path under
 * {@code /api/analytics} reached), while weather-ingest points at a closed port (a service that is down). Every
 * integration test extends this class, so they all share one application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "platform.security.issuer-uri=" + RunningGateway.ISSUER,
				"platform.security.signing-keys.store=target/test-data/signing-keys.jwks",
				// No broker unless a test starts one: web analytics must not slow or fail any call without it.
				"spring.kafka.bootstrap-servers=127.0.0.1:1",
				"platform.gateway.cors.allowed-origins=" + RunningGateway.ALLOWED_ORIGIN,
				// Short, so that the slow-service test is quick; the fake downstream answers in milliseconds.
				"spring.http.clients.read-timeout=1s",
				// A client of its own for the rate-limit test: 3 calls, then one more per hour.
				"spring.security.oauth2.authorizationserver.client.limited-client.registration.client-id=limited-client",
				"spring.security.oauth2.authorizationserver.client.limited-client.registration.client-secret={noop}limited-secret",
				"spring.security.oauth2.authorizationserver.client.limited-client.registration.client-authentication-methods=client_secret_basic",
				"spring.security.oauth2.authorizationserver.client.limited-client.registration.authorization-grant-types=client_credentials",
				"spring.security.oauth2.authorizationserver.client.limited-client.registration.scopes=analytics:read",
				"platform.gateway.rate-limits.clients.limited-client.capacity=3",
				"platform.gateway.rate-limits.clients.limited-client.refill-tokens=1",
				"platform.gateway.rate-limits.clients.limited-client.refill-period=1h",
				// Every test here fetches tokens; the token endpoint's own limits are tested apart.
				"platform.gateway.rate-limits.token-endpoint.per-client.capacity=100000",
				"platform.gateway.rate-limits.token-endpoint.per-address.capacity=100000" })
public abstract class RunningGateway {

	/** Deliberately not the host and port the tests call: the issuer must not depend on the request. */
	public static final String ISSUER = "http://gateway.platform.test";

	/** The one web origin allowed to call the API from a browser in these tests. */
	public static final String ALLOWED_ORIGIN = "https://dashboard.platform.test";

	public static final String ALL_DEMO_SCOPES = "users:write users:read weather:write transactions:write "
			+ "transactions:read analytics:read notifications:read notifications:write";

	protected static final FakeDownstream downstream = FakeDownstream.start();

	protected static final FakeDownstream warehouse = FakeDownstream.start();

	protected static final URI serviceThatIsDown = URI.create("http://127.0.0.1:" + closedPort());

	@LocalServerPort
	protected int port;

	protected RestTestClient gateway;

	@DynamicPropertySource
	static void serviceUris(DynamicPropertyRegistry registry) {
		registry.add("platform.gateway.services.registration", downstream::uri);
		registry.add("platform.gateway.services.weather-ingest", () -> serviceThatIsDown);
		registry.add("platform.gateway.services.transaction", downstream::uri);
		registry.add("platform.gateway.services.notification", downstream::uri);
		registry.add("platform.gateway.services.analytics", downstream::uri);
		registry.add("platform.gateway.services.warehouse", warehouse::uri);
		registry.add("platform.gateway.services.console", downstream::uri);
	}

	@BeforeEach
	void connectToGateway() {
		// The JDK's client, as a caller sees the gateway: Apache HttpClient (on the class path for the gateway's own
		// forwarding) would by default wait out a 429's or 503's Retry-After and ask again.
		gateway = RestTestClient.bindToServer(new JdkClientHttpRequestFactory()).baseUrl("http://localhost:" + port).build();
	}

	protected String demoToken(String... scopes) {
		return accessToken("demo-client", "demo-secret", scopes);
	}

	protected String limitedClientToken() {
		return accessToken("limited-client", "limited-secret");
	}

	protected String adminToken(String... scopes) {
		return accessToken("platform-admin", "admin-secret", scopes);
	}

	protected Map<String, Object> tokenResponse(String clientId, String secret, String... scopes) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		if (scopes.length > 0) {
			form.add("scope", String.join(" ", scopes));
		}
		return postForm("/oauth2/token", clientId, secret, form);
	}

	/** POSTs a form to an endpoint of the authorisation server as the client, expecting 200; the JSON answer, if any. */
	protected Map<String, Object> postForm(String uri, String clientId, String secret, MultiValueMap<String, String> form) {
		return gateway.post()
			.uri(uri)
			.headers(headers -> headers.setBasicAuth(clientId, secret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private String accessToken(String clientId, String secret, String... scopes) {
		return (String) tokenResponse(clientId, secret, scopes).get("access_token");
	}

	private static int closedPort() {
		// Bind and release at once: nothing listens there afterwards, so connecting is refused.
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
