package io.eventplatform.gateway.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.eventplatform.gateway.RunningGateway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRotationIntegrationTests extends RunningGateway {

	@Autowired
	SigningKeyStore signingKeys;

	@Test
	void shouldSignWithTheNewKeyAfterARotationAndStillAcceptTokensOfThePreviousOne() throws Exception {
		// Given: a token signed before the rotation
		String before = demoToken("users:read");

		// When
		signingKeys.rotate();
		String after = demoToken("users:read");

		// Then: new tokens carry the new key id, the JWKS publishes both keys, and both tokens open the API
		String previousKey = SignedJWT.parse(before).getHeader().getKeyID();
		String newKey = SignedJWT.parse(after).getHeader().getKeyID();
		assertThat(newKey).isNotEqualTo(previousKey).isEqualTo(signingKeys.current().getKeyID());
		JWKSet published = JWKSet.parse(gateway.get()
			.uri("/oauth2/jwks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly(newKey, previousKey);
		assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
		for (String token : new String[] { before, after }) {
			gateway.get()
				.uri("/api/users/42")
				.headers(headers -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

}
