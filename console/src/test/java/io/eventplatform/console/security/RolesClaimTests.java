package io.eventplatform.console.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import io.eventplatform.console.ConsoleProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RolesClaimTests {

	@Test
	void shouldGiveTheRolesOfTheIdTokensRolesClaimAndIgnoreUnknownOnes() {
		// Given
		OidcIdToken token = new OidcIdToken("token", Instant.parse("2026-12-01T10:00:00Z"),
				Instant.parse("2026-12-01T10:05:00Z"),
				Map.of("sub", "operator", "roles", List.of("viewer", "operator", "admin")));

		// When
		var authorities = ConsoleSecurityConfiguration.withRoles(List.of(new OidcUserAuthority(token)));

		// Then
		assertThat(authorities).extracting(GrantedAuthority::getAuthority)
			.contains("ROLE_VIEWER", "ROLE_OPERATOR")
			.doesNotContain("ROLE_ADMIN");
	}

	@Test
	void shouldGiveNoRoleWithoutTheClaim() {
		OidcIdToken token = new OidcIdToken("token", Instant.parse("2026-12-01T10:00:00Z"),
				Instant.parse("2026-12-01T10:05:00Z"), Map.of("sub", "someone"));

		var authorities = ConsoleSecurityConfiguration.withRoles(List.of(new OidcUserAuthority(token)));

		assertThat(authorities).extracting(GrantedAuthority::getAuthority).noneMatch(name -> name.startsWith("ROLE_"));
	}

	@Test
	void shouldRefuseTheDevelopmentSecretInProduction() {
		assertThatIllegalStateException().isThrownBy(() -> new DevelopmentSecretGuard(properties("console-secret")).afterPropertiesSet());
		assertThatIllegalStateException().isThrownBy(() -> new DevelopmentSecretGuard(properties("{noop}x")).afterPropertiesSet());
		assertThatNoException().isThrownBy(() -> new DevelopmentSecretGuard(properties("a-real-secret")).afterPropertiesSet());
	}

	private static ConsoleProperties properties(String secret) {
		return new ConsoleProperties(java.net.URI.create("http://127.0.0.1:8080"), java.net.URI.create("http://localhost:8080"),
				secret, Map.of(), Map.of(), new ConsoleProperties.Sampling(java.time.Duration.ofSeconds(10), 60),
				new ConsoleProperties.Messages(50, 5000, java.time.Duration.ofSeconds(3), 4));
	}
}
