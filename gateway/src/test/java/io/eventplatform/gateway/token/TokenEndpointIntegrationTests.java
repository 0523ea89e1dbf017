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

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointIntegrationTests extends RunningGateway {

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

}
