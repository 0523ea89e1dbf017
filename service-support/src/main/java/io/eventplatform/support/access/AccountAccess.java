package io.eventplatform.support.access;

import java.util.Collection;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

import io.eventplatform.support.security.Scopes;

/**
 * Which accounts a client may touch, from its token's {@code accounts} claim (the gateway writes it from
 * {@code platform.security.clients.<id>.accounts}). Two rules, one claim:
 * <ul>
 * <li>{@linkplain #mayUse use}: recording and reading transactions. A token with the claim is limited to its
 * accounts; a token without it is not limited to accounts, its scopes alone decide.</li>
 * <li>{@linkplain #owns ownership}: the personal data attached to an account (its security contacts). Only the
 * accounts in the claim are the client's own; a token without the claim owns none. {@code platform:admin} reads and
 * changes every account's.</li>
 * </ul>
 * Refusals are 403 problem details naming the rule and no account but the one asked for.
 */
public final class AccountAccess {

	public static final String CLAIM = "accounts";

	/** The authority of scope {@code platform:admin}, as Spring Security's resource server grants it. */
	public static final String ADMIN_AUTHORITY = Scopes.AUTHORITY_PREFIX + Scopes.PLATFORM_ADMIN;

	/** Rule name in a refusal of {@link #requireUse}. */
	public static final String RULE_USE = "AccountInClaim";

	/** Rule name in a refusal of {@link #requireOwner}. */
	public static final String RULE_OWNER = "AccountOwner";

	private AccountAccess() {
	}

	public static boolean isAdmin(Authentication caller) {
		return caller != null && caller.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(ADMIN_AUTHORITY::equals);
	}

	/** The client id of the token ({@code client_id}, else {@code sub}). */
	public static String clientId(Jwt token) {
		String clientId = token.getClaimAsString("client_id");
		return clientId != null ? clientId : token.getSubject();
	}

	public static boolean mayUse(Jwt token, String accountId) {
		if (!token.hasClaim(CLAIM)) {
			return true;
		}
		return accounts(token).contains(accountId);
	}

	public static void requireUse(Jwt token, String accountId) {
		if (!mayUse(token, accountId)) {
			throw refused(RULE_USE, "This client may not access account " + accountId
					+ ": it is not in the token's accounts claim");
		}
	}

	/** The accounts the token's {@code accounts} claim names; none without the claim. */
	public static List<String> ownAccounts(Jwt token) {
		return token.hasClaim(CLAIM) ? accounts(token) : List.of();
	}

	public static boolean owns(Authentication caller, String accountId) {
		return isAdmin(caller) || ownAccounts(token(caller)).contains(accountId);
	}

	public static void requireOwner(Authentication caller, String accountId) {
		if (!owns(caller, accountId)) {
			throw refused(RULE_OWNER, "This client may not access the personal data of account " + accountId
					+ ": only a client with the account in its accounts claim, or with scope platform:admin, may");
		}
	}

	/** 403 {@code application/problem+json} with {@code rule}: the reason, and nothing about other resources. */
	public static ErrorResponseException refused(String rule, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
		problem.setTitle("Not allowed");
		problem.setProperty("rule", rule);
		return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
	}

	public static Jwt token(Authentication caller) {
		if (caller != null && caller.getPrincipal() instanceof Jwt jwt) {
			return jwt;
		}
		throw new IllegalStateException("Not authenticated with a JWT: " + caller);
	}

	private static List<String> accounts(Jwt token) {
		Object claim = token.getClaim(CLAIM);
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		// A claim of another shape grants nothing rather than failing the request.
		return List.of();
	}
}
