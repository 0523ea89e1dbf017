package io.eventplatform.support.security;

import io.eventplatform.support.time.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokenCacheTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	/** Stands in for the signature check: accepts the tokens it knows, and records every call. */
	private final List<String> verified = new ArrayList<>();

	private final JwtDecoder verifier = token -> {
		verified.add(token);
		if (!token.startsWith("signed.")) {
			throw new BadJwtException("An error occurred while attempting to decode the Jwt: Signed JWT rejected");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("demo-client")
			.issuedAt(NOW)
			.expiresAt(NOW.plus(Duration.ofMinutes(5)))
			.build();
	};

	/** The service's clock: the claim checks and the cache both read it, as the auto-configuration wires them. */
	private final MutableClock clock = new MutableClock(NOW);

	private final JwtTimestampValidator claims = new JwtTimestampValidator(Duration.ofSeconds(60));

	{
		claims.setClock(clock);
	}

	@Test
	void verifiesTheSignatureOfATokenOnceWhileItIsRemembered() {
		VerifiedTokenCache cache = new VerifiedTokenCache(verifier, claims, Duration.ofMinutes(1), 100, clock);

		Jwt first = cache.decode("signed.a");
		Jwt second = cache.decode("signed.a");
		cache.decode("signed.b");

		assertThat(second).isSameAs(first);
		assertThat(verified).containsExactly("signed.a", "signed.b");
	}

	@Test
	void neverRemembersATokenTheVerifierRefused() {
		VerifiedTokenCache cache = new VerifiedTokenCache(verifier, claims, Duration.ofMinutes(1), 100, clock);

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("forged.a"));
		}
		assertThat(verified).containsExactly("forged.a", "forged.a");
		assertThat(cache.size()).isZero();
	}

	@Test
	void checksTheClaimsOfARememberedTokenOnEveryUse() {
		VerifiedTokenCache cache = new VerifiedTokenCache(verifier, claims, Duration.ofMinutes(1), 100, clock);
		cache.decode("signed.a");

		// Past exp (5 min) and the 60 s clock skew: the remembered token is refused, and forgotten.
		clock.advance(Duration.ofMinutes(6).plusSeconds(1));

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("signed.a"))
			.withMessageContaining("expired");
		assertThat(cache.size()).isZero();
		assertThat(verified).containsExactly("signed.a");
	}

	@Test
	void verifiesEveryCallWhenTheTimeToLiveIsZero() {
		PlatformSecurityProperties security = new PlatformSecurityProperties(java.net.URI.create("http://localhost:8080"),
				"event-platform", Duration.ofSeconds(60), null,
				new PlatformSecurityProperties.VerifiedTokens(Duration.ZERO, 100));

		assertThat(security.cached(verifier, claims, clock)).isSameAs(verifier);
	}

	@Test
	void keepsAtMostTheConfiguredNumberOfTokens() {
		VerifiedTokenCache cache = new VerifiedTokenCache(verifier, claims, Duration.ofMinutes(1), 10, clock);

		for (int i = 0; i < 50; i++) {
			cache.decode("signed." + i);
		}

		assertThat(cache.size()).isLessThanOrEqualTo(10);
	}

}
