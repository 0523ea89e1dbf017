package io.eventplatform.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.eventplatform.support.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service called directly, bypassing the gateway, refuses every token the gateway would not have issued: the
 * service-support resource-server configuration checks signature (RS256 against the issuer's JWKS, here served by
 * the test), issuer, audience and expiry itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=security-test", "platform.security.issuer-uri=" + TokenValidationIntegrationTests.ISSUER,
				"spring.datasource.url=jdbc:h2:mem:security;DB_CLOSE_DELAY=-1",
				"spring.kafka.bootstrap-servers=127.0.0.1:1" })
class TokenValidationIntegrationTests {

	static final String ISSUER = "http://gateway.platform.test";

	static final RSAKey issuerKey = generateKey();

	static final HttpServer jwks = serveJwks(new JWKSet(issuerKey).toPublicJWKSet());

	static final ForgedTokens tokens = new ForgedTokens(issuerKey, ISSUER, "event-platform");

	@LocalServerPort
	int port;

	RestTestClient service;

	@DynamicPropertySource
	static void jwksAddress(DynamicPropertyRegistry registry) {
		registry.add("platform.security.jwk-set-uri",
				() -> "http://127.0.0.1:" + jwks.getAddress().getPort() + "/oauth2/jwks");
	}

	@AfterAll
	static void stopJwks() {
		jwks.stop(0);
	}

	@BeforeEach
	void connect() {
		service = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	@Test
	void shouldAcceptATokenOfTheIssuerForThePlatform() {
		call(tokens.valid()).expectStatus().isOk();
	}

	@Test
	void shouldAcceptATokenExpiredWithinTheAllowedClockSkew() {
		call(tokens.expired(Duration.ofSeconds(30))).expectStatus().isOk();
	}

	static Stream<Arguments> forgedTokens() {
		return Stream.of(Arguments.of("expired beyond the clock skew", tokens.expired(Duration.ofSeconds(90))),
				Arguments.of("signed by another key", tokens.signedByAnotherKey()),
				Arguments.of("alg none", tokens.unsigned()),
				Arguments.of("HS256 signed with the public key", tokens.hmacSignedWithThePublicKey()),
				Arguments.of("wrong issuer", tokens.wrongIssuer()),
				Arguments.of("wrong audience", tokens.wrongAudience()),
				Arguments.of("no audience", tokens.withoutAudience()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forgedTokens")
	void shouldRefuseAForgedToken(String forgery, String token) {
		call(token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).contains("invalid_token"))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void shouldRefuseACallWithoutToken() {
		service.get().uri("/api/probe").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void shouldKeepSensitiveActuatorEndpointsFromEveryoneButAdministrators() {
		for (String endpoint : new String[] { "/actuator/env", "/actuator/heapdump", "/actuator/beans" }) {
			service.get().uri(endpoint).exchange().expectStatus().isUnauthorized();
		}
	}

	@Test
	void shouldDescribeTheGatewaysTokenFlowInItsApiDescription() {
		service.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.securitySchemes.gateway-oauth2.flows.clientCredentials.tokenUrl")
			.isEqualTo(ISSUER + "/oauth2/token")
			.jsonPath("$.security[0].gateway-oauth2")
			.exists()
			.jsonPath("$.components.securitySchemes.gateway-oauth2.flows.clientCredentials.scopes")
			.value(scopes -> assertThat(((java.util.Map<?, ?>) scopes).keySet()).map(String::valueOf)
				.containsExactlyInAnyOrderElementsOf(Scopes.all()))
			// Each operation names the scope its @PreAuthorize requires
			.jsonPath("$.paths['/api/probe'].get.security[0].gateway-oauth2[0]")
			.isEqualTo(Scopes.USERS_READ);
	}

	@Test
	void shouldRefuseAHeaderWithAControlCharacterEvenWithAValidToken() throws IOException {
		// Given a valid token followed by a character Tomcat lets through but Spring Security's firewall does not
		// (U+0085, NEL; the firewall checks a header when it is read)
		String request = "GET /api/probe HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + tokens.valid()
				+ "\u0085\r\nConnection: close\r\n\r\n";

		// When the service is called, then the firewall refuses it, as problem details
		assertThat(RawHttp.exchange(port, request)).startsWith("HTTP/1.1 400")
			.containsIgnoringCase("Content-Type: application/problem+json");
	}

	@Test
	void shouldCheckHeadersWithTheAsciiFirstFirewall(@Autowired FilterChainProxy springSecurityFilterChain) {
		Object firewall = ReflectionTestUtils.getField(securityFilters(springSecurityFilterChain), "firewall");

		assertThat(firewall).isInstanceOf(StrictHttpFirewall.class);
		assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderValues"))
			.isNotSameAs(StrictHttpFirewall.ALLOWED_HEADER_VALUES);
		assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderNames"))
			.isNotSameAs(StrictHttpFirewall.ALLOWED_HEADER_NAMES);
	}

	@Test
	void shouldNotWrapEverySecurityFilterInAnObservationThatIsDroppedAnyway(
			@Autowired FilterChainProxy springSecurityFilterChain, @Autowired ObservationRegistry observations) {
		// Given observations are recorded in this service, but not Spring Security's (the platform default)
		assertThat(observations.isNoop()).isFalse();

		// Then the filter chain is not decorated with observations, and tokens are still checked (tests above)
		assertThat(ReflectionTestUtils.getField(securityFilters(springSecurityFilterChain), "filterChainDecorator"))
			.isNotInstanceOf(ObservationFilterChainDecorator.class);
	}

	/** The proxy that runs the chains: the bean wraps it in one that adds Spring MVC's request matching cache. */
	private static Object securityFilters(FilterChainProxy bean) {
		Object inner = ReflectionTestUtils.getField(bean, "springSecurityFilterChain");
		return inner != null ? inner : bean;
	}

	private RestTestClient.ResponseSpec call(String token) {
		return service.get().uri("/api/probe").headers(headers -> headers.setBearerAuth(token)).exchange();
	}

	private static RSAKey generateKey() {
		try {
			return new RSAKeyGenerator(2048).keyID("issuer-key").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer serveJwks(JWKSet keys) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
			server.createContext("/oauth2/jwks", exchange -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
