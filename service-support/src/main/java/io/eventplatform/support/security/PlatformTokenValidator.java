package io.eventplatform.support.security;

import java.time.Clock;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The claims every platform token must pass once its signature is verified: the configured issuer, the platform's
 * audience, and {@code exp}/{@code nbf} within the allowed clock skew. One definition for the gateway and the services.
 */
public final class PlatformTokenValidator {

	private PlatformTokenValidator() {
	}

	/** @param clock the service's clock, which {@code exp} and {@code nbf} are checked against */
	public static OAuth2TokenValidator<Jwt> of(PlatformSecurityProperties security, Clock clock) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(security.clockSkew());
		timestamps.setClock(clock);
		return new DelegatingOAuth2TokenValidator<>(List.of(timestamps,
				new JwtIssuerValidator(security.issuerUri().toString()),
				new JwtAudienceValidator(security.audience())));
	}

}
