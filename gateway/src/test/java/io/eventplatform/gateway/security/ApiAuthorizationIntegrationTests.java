package io.eventplatform.gateway.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.eventplatform.support.security.ForgedTokens;
import io.eventplatform.gateway.RunningGateway;
import io.eventplatform.gateway.token.SigningKeyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ApiAuthorizationIntegrationTests extends RunningGateway {

	/**
	 * Every route the gateway opens, with the one scope that opens it and what an allowed call answers: 200 and 201
	 * come from the fake service; weather-ingest is down in these tests, so an allowed weather call ends in 503 (it got
	 * past the scope check).
	 */
	record Route(HttpMethod method, String path, String scope, int allowed) {
	}

	static final List<Route> ROUTES = List.of(new Route(HttpMethod.POST, "/api/users", "users:write", 201),
			new Route(HttpMethod.GET, "/api/users/42", "users:read", 200),
			new Route(HttpMethod.POST, "/api/weather/readings", "weather:write", 503),
			new Route(HttpMethod.POST, "/api/weather/readings/batch", "weather:write", 503),
			new Route(HttpMethod.POST, "/api/transactions", "transactions:write", 201),
			new Route(HttpMethod.GET, "/api/transactions/7", "transactions:read", 200),
			new Route(HttpMethod.GET, "/api/transactions?accountId=ACC-1", "transactions:read", 200),
			new Route(HttpMethod.GET, "/api/analytics/registrations", "analytics:read", 200),
			new Route(HttpMethod.GET, "/api/analytics/history/users?country=GB", "analytics:read", 200),
			new Route(HttpMethod.GET, "/api/analytics/fraud/rules", "analytics:read", 200),
			new Route(HttpMethod.PUT, "/api/analytics/fraud/rules", "platform:admin", 200),
			new Route(HttpMethod.GET, "/api/notifications", "notifications:read", 200),
			new Route(HttpMethod.GET, "/api/notifications/subscriptions", "notifications:read", 200),
			new Route(HttpMethod.POST, "/api/notifications/subscriptions", "notifications:write", 201),
			new Route(HttpMethod.DELETE, "/api/notifications/subscriptions/1", "notifications:write", 200),
			new Route(HttpMethod.POST, "/api/notifications/opt-outs", "notifications:write", 201),
			new Route(HttpMethod.POST, "/api/notifications/admin/replay", "platform:admin", 201),
			new Route(HttpMethod.POST, "/api/warehouse/admin/replay", "platform:admin", 201),
			// Administration under a service's read path needs platform:admin, not that path's scope.
			new Route(HttpMethod.GET, "/api/analytics/admin/replay", "platform:admin", 200),
			new Route(HttpMethod.GET, "/actuator/prometheus", "platform:admin", 200));

	/** Methods and paths no scope opens: a route is closed until someone decides its scope. */
	static final List<Route> CLOSED = List.of(new Route(HttpMethod.DELETE, "/api/users/42", null, 403),
			new Route(HttpMethod.PUT, "/api/transactions/7", null, 403),
			new Route(HttpMethod.POST, "/api/analytics/registrations", null, 403),
			new Route(HttpMethod.PUT, "/api/analytics/fraud/alerts", null, 403),
			new Route(HttpMethod.PUT, "/api/notifications/subscriptions/1", null, 403),
			new Route(HttpMethod.GET, "/api/not-routed", null, 403),
			// The route administration had before each service served its own (/api/<service>/admin/**).
			new Route(HttpMethod.POST, "/api/admin/replays", null, 403),
			// Only the warehouse's administration is under its own name; its history is under /api/analytics.
			new Route(HttpMethod.GET, "/api/warehouse/history/users", null, 403),
			new Route(HttpMethod.GET, "/actuator/env", null, 403),
			new Route(HttpMethod.GET, "/actuator/beans", null, 403),
			new Route(HttpMethod.GET, "/actuator/heapdump", null, 403));

	private static final Map<String, String> tokensByScope = new ConcurrentHashMap<>();

	@Autowired
	private SigningKeyStore signingKeys;

	private ForgedTokens forged;

	@BeforeEach
	void forgeWithTheGatewaysKey() {
		forged = new ForgedTokens(signingKeys.current(), ISSUER, "event-platform");
	}

	/** Every route with every scope: only its own scope opens it, and no scope opens a closed one. */
	static Stream<Arguments> routeTimesScope() {
		List<Arguments> cases = new ArrayList<>();
		for (String scope : ForgedTokens.SCOPES) {
			for (Route route : ROUTES) {
				cases.add(Arguments.of(route.method(), route.path(), scope,
						scope.equals(route.scope()) ? route.allowed() : 403));
			}
			for (Route route : CLOSED) {
				cases.add(Arguments.of(route.method(), route.path(), scope, route.allowed()));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1} with {2} -> {3}")
	@MethodSource("routeTimesScope")
	void appliesTheScopeOfEachRoute(HttpMethod method, String path, String scope, int expectedStatus) {
		// Given
		String token = tokensByScope.computeIfAbsent(scope, this::adminToken);

		// When
		var request = gateway.method(method).uri(path).headers(headers -> headers.setBearerAuth(token));
		var response = HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method)
				? request.contentType(MediaType.APPLICATION_JSON).body("{}").exchange() : request.exchange();

		// Then
		response.expectStatus().isEqualTo(expectedStatus);
	}

	@Test
	void rejectsAnApiCallWithoutTokenAsProblem() {
		// Given / When
		var response = gateway.get().uri("/api/users").exchange();

		// Then
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.instance")
			.isEqualTo("/api/users");
	}

	@Test
	void rejectsAMalformedToken() {
		// Given / When
		var response = gateway.get().uri("/api/users").headers(headers -> headers.setBearerAuth("not.a.jwt")).exchange();

		// Then
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).contains("invalid_token"))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void acceptsATokenMadeLikeTheGatewayMakesThem() {
		// The control for the forgeries below: the same claims, signed by the gateway's key, are accepted.
		call(forged.valid()).expectStatus().isOk();
		call(forged.expired(Duration.ofSeconds(30))).expectStatus().isOk();
	}

	static Stream<Arguments> forgeries() {
		return Stream.of(Arguments.of("expired beyond the clock skew"), Arguments.of("signed by another key"),
				Arguments.of("alg none"), Arguments.of("HS256 signed with the public key"),
				Arguments.of("wrong issuer"), Arguments.of("wrong audience"), Arguments.of("no audience"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forgeries")
	void rejectsAForgedToken(String forgery) {
		// Given
		String token = switch (forgery) {
			case "expired beyond the clock skew" -> forged.expired(Duration.ofSeconds(90));
			case "signed by another key" -> forged.signedByAnotherKey();
			case "alg none" -> forged.unsigned();
			case "HS256 signed with the public key" -> forged.hmacSignedWithThePublicKey();
			case "wrong issuer" -> forged.wrongIssuer();
			case "wrong audience" -> forged.wrongAudience();
			default -> forged.withoutAudience();
		};

		// When / Then
		call(token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).contains("invalid_token"))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void forbidsCreatingAUserWithoutTheUsersWriteScope() {
		// Given
		String token = demoToken("users:read");

		// When
		var response = gateway.post()
			.uri("/api/users")
			.headers(headers -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"email\":\"ada@example.com\"}")
			.exchange();

		// Then
		response.expectStatus()
			.isForbidden()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).contains("insufficient_scope"))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(403);
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec call(String token) {
		return gateway.get().uri("/api/users/42").headers(headers -> headers.setBearerAuth(token)).exchange();
	}

}
