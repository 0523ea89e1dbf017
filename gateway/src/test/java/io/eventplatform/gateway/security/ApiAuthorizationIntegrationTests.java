package io.eventplatform.gateway.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.eventplatform.gateway.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ApiAuthorizationIntegrationTests extends RunningGateway {

	@Autowired
	private JWKSource<SecurityContext> gatewayKeys;

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
	void rejectsATokenSignedWithAnotherKey() throws Exception {
		// Given: a token that claims what the gateway would grant, under its key id, signed with a key of our own
		RSAKey gatewayKey = gatewaySigningKey();
		RSAKey forgerKey = new RSAKeyGenerator(2048).keyID(gatewayKey.getKeyID()).generate();
		String forged = selfMadeToken(forgerKey, ISSUER);

		// When
		var response = gateway.get().uri("/api/users/42").headers(headers -> headers.setBearerAuth(forged)).exchange();

		// Then
		response.expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void rejectsATokenSignedByTheGatewayForAnotherIssuer() throws Exception {
		// Given: the gateway's own key, so only the issuer tells the two tokens apart
		String rightIssuer = selfMadeToken(gatewaySigningKey(), ISSUER);
		String wrongIssuer = selfMadeToken(gatewaySigningKey(), "http://somewhere-else.test");

		// When / Then
		gateway.get()
			.uri("/api/users/42")
			.headers(headers -> headers.setBearerAuth(rightIssuer))
			.exchange()
			.expectStatus()
			.isOk();
		gateway.get()
			.uri("/api/users/42")
			.headers(headers -> headers.setBearerAuth(wrongIssuer))
			.exchange()
			.expectStatus()
			.isUnauthorized();
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

	/**
	 * Each row calls with a token holding only the given scope. 200 and 201 come from the fake service; weather-ingest
	 * is down in these tests, so an allowed weather call ends in 503 (it got past the scope check).
	 */
	@ParameterizedTest(name = "{0} {1} with {2} -> {3}")
	@CsvSource({ "POST,   /api/users,               users:write,        201",
			"POST,   /api/users,               users:read,         403",
			"GET,    /api/users,               users:read,         200",
			"GET,    /api/users/42,            users:read,         200",
			"GET,    /api/users/42,            users:write,        403",
			"DELETE, /api/users/42,            users:write,        403",
			"POST,   /api/weather/readings,    weather:write,      503",
			"POST,   /api/weather/readings,    transactions:write, 403",
			"POST,   /api/transactions,        transactions:write, 201",
			"POST,   /api/transactions,        transactions:read,  403",
			"GET,    /api/transactions/7,      transactions:read,  200",
			"GET,    /api/analytics/fraud,     analytics:read,     200",
			"GET,    /api/analytics/fraud,     platform:admin,     403",
			"GET,    /api/notifications,       notifications:read, 200",
			"POST,   /api/notifications,       notifications:read, 403",
			"POST,   /api/notifications/subscriptions, notifications:write, 201",
			"DELETE, /api/notifications/subscriptions/1, notifications:read, 403",
			"POST,   /api/notifications/admin/replay, notifications:write, 403",
			"POST,   /api/admin/replays,       platform:admin,     201",
			"POST,   /api/admin/replays,       analytics:read,     403",
			"GET,    /api/not-routed,          platform:admin,     403",
			"GET,    /actuator/prometheus,     analytics:read,     403" })
	void appliesTheScopeOfEachRoute(HttpMethod method, String path, String scope, int expectedStatus) {
		// Given
		String token = adminToken(scope);

		// When
		var request = gateway.method(method).uri(path).headers(headers -> headers.setBearerAuth(token));
		var response = HttpMethod.POST.equals(method)
				? request.contentType(MediaType.APPLICATION_JSON).body("{}").exchange() : request.exchange();

		// Then
		response.expectStatus().isEqualTo(expectedStatus);
	}

	private RSAKey gatewaySigningKey() throws Exception {
		return (RSAKey) gatewayKeys.get(new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).build()), null)
			.get(0);
	}

	private static String selfMadeToken(RSAKey signingKey, String issuer) throws Exception {
		Instant now = Instant.now();
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer(issuer)
					.subject("demo-client")
					.claim("client_id", "demo-client")
					.claim("scope", List.of("users:write", "users:read"))
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plus(5, ChronoUnit.MINUTES)))
					.build());
		token.sign(new RSASSASigner(signingKey));
		return token.serialize();
	}

}
