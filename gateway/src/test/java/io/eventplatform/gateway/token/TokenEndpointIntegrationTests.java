package io.eventplatform.gateway.token;

import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.eventplatform.gateway.RunningGateway;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointIntegrationTests extends RunningGateway {

	@Autowired
	OAuth2AuthorizationService authorizations;

	@Autowired
	MeterRegistry meters;

	@Test
	void grantsAllRegisteredScopesWhenTheRequestNamesNone() throws Exception {
		// Given / When: demo-client asks for a token without naming a scope
		Map<String, Object> response = tokenResponse("demo-client", "demo-secret");

		// Then: the token carries every scope demo-client is registered for, in the form resource servers map
		JWTClaimsSet claims = SignedJWT.parse((String) response.get("access_token")).getJWTClaimsSet();
		assertThat(claims.getStringListClaim("scope")).containsExactlyInAnyOrder(ALL_DEMO_SCOPES.split(" "));
		assertThat(((String) response.get("scope")).split(" ")).containsExactlyInAnyOrder(ALL_DEMO_SCOPES.split(" "));
	}

	@Test
	void grantsOnlyTheRequestedScopesWhenTheRequestNamesSome() throws Exception {
		// Given / When
		String token = demoToken("users:read", "weather:write");

		// Then
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("scope"))
			.containsExactlyInAnyOrder("users:read", "weather:write");
	}

	@Test
	void issuesRs256TokensWithTheConfiguredIssuerWhateverHostTheClientCalled() throws Exception {
		// Given: the client calls localhost:<random port>, the configured issuer is another address
		JWKSet publishedKeys = JWKSet.parse(gateway.get()
			.uri("/oauth2/jwks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());

		// When
		SignedJWT token = SignedJWT.parse(demoToken());

		// Then
		JWTClaimsSet claims = token.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(ISSUER);
		assertThat(claims.getAudience()).containsExactly("event-platform");
		assertThat(claims.getStringClaim("client_id")).isEqualTo("demo-client");
		assertThat(claims.getSubject()).isEqualTo("demo-client");
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(15));
		assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(publishedKeys.getKeyByKeyId(token.getHeader().getKeyID())).isNotNull();
		assertThat(token.verify(new RSASSAVerifier(publishedKeys.getKeyByKeyId(token.getHeader().getKeyID())
			.toRSAKey()))).isTrue();
	}

	@Test
	void refusesAScopeTheClientIsNotRegisteredFor() {
		// Given
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("scope", "platform:admin");

		// When / Then
		gateway.post()
			.uri("/oauth2/token")
			.headers(headers -> headers.setBasicAuth("demo-client", "demo-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_scope");
	}

	@Test
	void rejectsAWrongClientSecret() {
		// Given
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");

		// When / Then
		gateway.post()
			.uri("/oauth2/token")
			.headers(headers -> headers.setBasicAuth("demo-client", "not-the-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.access_token")
			.doesNotExist();
	}


	@Test
	void introspectsAnIssuedTokenAsActiveUntilItIsRevoked() {
		// Given
		String token = demoToken();
		assertThat(introspection(token)).containsEntry("active", true).containsEntry("client_id", "demo-client");

		// When
		postForm("/oauth2/revoke", "demo-client", "demo-secret", tokenForm(token));

		// Then
		assertThat(introspection(token)).containsEntry("active", false);
		assertThat(authorizations.findByToken(token, null).getAccessToken().isInvalidated()).isTrue();
	}

	@Test
	void remembersIssuedTokensInTheExpiringStoreNotTheUnboundedDefault() {
		// Given
		assertThat(authorizations).isInstanceOf(ExpiringAuthorizationService.class);
		long before = ((ExpiringAuthorizationService) authorizations).size();

		// When
		String token = demoToken();

		// Then: what introspection reads is the bounded store, and the gauge counts the new token
		assertThat(authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
		assertThat(meters.get("platform.gateway.oauth2.authorizations").gauge().value()).isGreaterThan(before);
	}

	private Map<String, Object> introspection(String token) {
		return postForm("/oauth2/introspect", "demo-client", "demo-secret", tokenForm(token));
	}

	private static MultiValueMap<String, String> tokenForm(String token) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("token", token);
		return form;
	}

}
