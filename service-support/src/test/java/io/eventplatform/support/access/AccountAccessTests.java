package io.eventplatform.support.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.web.ErrorResponseException;

/** The two rules of the {@code accounts} claim, on tokens converted as the services' resource server converts them. */
class AccountAccessTests {

	@Test
	void shouldLimitTheUseOfAccountsToTheClaimAndLeaveAClientWithoutItToItsScopes() {
		Jwt ledger = jwt("transactions:read", claims -> claims.claim("accounts", List.of("ACC-1001")));
		Jwt demo = jwt("transactions:read", claims -> {
		});

		assertThat(AccountAccess.mayUse(ledger, "ACC-1001")).isTrue();
		assertThat(AccountAccess.mayUse(ledger, "ACC-9999")).isFalse();
		assertThat(AccountAccess.mayUse(demo, "ACC-9999")).isTrue();
	}

	@Test
	void shouldGiveOwnershipOnlyOfTheAccountsInTheClaimAndOfAllToTheAdministrator() {
		var ledger = authenticated(jwt("notifications:write", claims -> claims.claim("accounts", List.of("ACC-1001"))));
		var demo = authenticated(jwt("notifications:write", claims -> {
		}));
		var admin = authenticated(jwt("notifications:write platform:admin", claims -> {
		}));

		assertThat(AccountAccess.owns(ledger, "ACC-1001")).isTrue();
		assertThat(AccountAccess.owns(ledger, "ACC-1002")).isFalse();
		assertThat(AccountAccess.owns(demo, "ACC-1001")).isFalse();
		assertThat(AccountAccess.owns(admin, "ACC-1001")).isTrue();
	}

	@Test
	void shouldOwnNothingByAClaimOfAnotherShape() {
		var odd = authenticated(jwt("notifications:write", claims -> claims.claim("accounts", "ACC-1001")));

		assertThat(AccountAccess.owns(odd, "ACC-1001")).isFalse();
	}

	@Test
	void shouldRefuseWithA403ProblemNamingTheRuleAndTheAccountAskedFor() {
		var demo = authenticated(jwt("notifications:write", claims -> {
		}));

		assertThatThrownBy(() -> AccountAccess.requireOwner(demo, "ACC-1001"))
			.isInstanceOfSatisfying(ErrorResponseException.class, refusal -> {
				assertThat(refusal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
				assertThat(refusal.getBody().getProperties()).containsEntry("rule", "AccountOwner");
				assertThat(refusal.getBody().getDetail()).contains("ACC-1001");
			});
	}

	private static Jwt jwt(String scope, Consumer<Jwt.Builder> claims) {
		Jwt.Builder builder = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.claim("client_id", "some-client")
			.claim("scope", scope)
			.issuedAt(Instant.parse("2026-01-01T00:00:00Z"))
			.expiresAt(Instant.parse("2026-01-01T00:15:00Z"));
		claims.accept(builder);
		return builder.build();
	}

	private static JwtAuthenticationToken authenticated(Jwt jwt) {
		return (JwtAuthenticationToken) new JwtAuthenticationConverter().convert(jwt);
	}
}
