package io.eventplatform.gateway.token;

import java.time.Clock;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The one place that decides which keys sign and verify access tokens. Spring Authorization Server takes the
 * {@link JwtEncoder} bean to sign (the current key only) and the {@link JWKSource} bean to publish
 * {@code /oauth2/jwks} (current and previous); the gateway's own validation uses the same source.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningKeyProperties.class)
class SigningKeys {

	@Bean
	SigningKeyStore signingKeyStore(SigningKeyProperties properties, Clock clock) {
		return new SigningKeyStore(properties.store(), properties.rotationPeriod(), clock);
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeyStore keys) {
		return keys.publishedKeys();
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeyStore keys) {
		return new NimbusJwtEncoder(keys.signingKey());
	}

}
