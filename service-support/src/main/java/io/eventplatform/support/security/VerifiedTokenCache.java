package io.eventplatform.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies a token's signature once and remembers the result for a short while, as API gateways do (Envoy's
 * {@code jwt_cache_config}, for example): a client sends the same token with every call until it expires, and the RSA
 * verification is most of what checking a token costs.
 * <ul>
 * <li>The key is the whole token, signature included: any other string, however close, is verified anew.</li>
 * <li>Only tokens the decoder accepted are kept; the claim checks (expiry with its clock skew, issuer, audience) run
 * again on every use, so a cached token stops working the moment it expires.</li>
 * <li>An entry lives at most {@code ttl}: a signing key withdrawn from the issuer's key set stops being honoured at
 * most that long after the decoder's own key-set cache would have let go of it.</li>
 * <li>How long a token may still live is read from the same {@link Clock} the claim checks use, never from the wall
 * clock behind their back.</li>
 * </ul>
 */
public final class VerifiedTokenCache implements JwtDecoder {

	private final JwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> claims;

	private final Cache<String, Jwt> verified;

	/**
	 * @param verifier decodes and verifies the signature and the claims (e.g. a {@code NimbusJwtDecoder} with
	 * {@code claims} as its validator)
	 * @param claims the claim checks repeated on every cached use
	 * @param clock the clock {@code claims} checks expiry against
	 */
	public VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> claims, Duration ttl, long maximumSize,
			Clock clock) {
		this.verifier = verifier;
		this.claims = claims;
		long ttlNanos = ttl.toNanos();
		this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new Expiry<String, Jwt>() {
			@Override
			public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
				Instant expiresAt = jwt.getExpiresAt();
				if (expiresAt == null) {
					return ttlNanos;
				}
				long untilExpiry = Duration.between(clock.instant(), expiresAt).toNanos();
				return Math.max(0, Math.min(ttlNanos, untilExpiry));
			}

			@Override
			public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
				return currentDuration;
			}

			@Override
			public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
				return currentDuration;
			}
		}).build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt cached = verified.getIfPresent(token);
		if (cached == null) {
			Jwt jwt = verifier.decode(token);
			verified.put(token, jwt);
			return jwt;
		}
		OAuth2TokenValidatorResult result = claims.validate(cached);
		if (result.hasErrors()) {
			verified.invalidate(token);
			throw new JwtValidationException("Invalid token: " + result.getErrors().iterator().next().getDescription(),
					result.getErrors());
		}
		return cached;
	}

	/** How many verified tokens are held now (for tests and metrics). */
	long size() {
		verified.cleanUp();
		return verified.estimatedSize();
	}

}
