package io.eventplatform.support.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What makes a token the platform's ({@code platform.security.*}), the same for the gateway that issues tokens and for
 * every service that accepts them.
 *
 * @param issuerUri the {@code iss} of every token, fixed by configuration (never taken from a request); services fetch
 * the signing keys from {@code <issuer-uri>/oauth2/jwks}, so it must be an address they can reach
 * @param audience the {@code aud} every token must name: a token issued for another system by the same issuer is
 * refused
 * @param clockSkew how far the clocks of issuer and service may disagree when {@code exp} and {@code nbf} are checked
 * @param jwkSetUri where the signing keys are published; by default the gateway's {@code <issuer-uri>/oauth2/jwks}
 * (an external issuer such as Keycloak publishes them elsewhere)
 * @param verifiedTokens how long a token whose signature was verified is remembered (see {@link VerifiedTokenCache})
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(URI issuerUri, @DefaultValue("event-platform") String audience,
		@DefaultValue("60s") Duration clockSkew, URI jwkSetUri, @DefaultValue VerifiedTokens verifiedTokens) {

	public PlatformSecurityProperties {
		Objects.requireNonNull(issuerUri, "platform.security.issuer-uri must be set");
		if (jwkSetUri == null) {
			jwkSetUri = URI.create(issuerUri.toString().replaceAll("/+$", "") + "/oauth2/jwks");
		}
	}

	/**
	 * {@code platform.security.verified-tokens.*}: a token's signature is verified once, then the token is remembered
	 * for at most {@code ttl} (its claims are still checked on every use); {@code ttl: 0s} verifies every call.
	 *
	 * @param ttl the longest a verified token is remembered
	 * @param maximumSize how many tokens are remembered at most (the least recently used go first)
	 */
	public record VerifiedTokens(@DefaultValue("60s") Duration ttl, @DefaultValue("10000") long maximumSize) {
	}

	/** The decoder every platform part uses: {@code verifier} alone, or behind a {@link VerifiedTokenCache}. */
	public JwtDecoder cached(JwtDecoder verifier, OAuth2TokenValidator<Jwt> claims, Clock clock) {
		if (verifiedTokens.ttl().isZero() || verifiedTokens.maximumSize() <= 0) {
			return verifier;
		}
		return new VerifiedTokenCache(verifier, claims, verifiedTokens.ttl(), verifiedTokens.maximumSize(), clock);
	}

}
