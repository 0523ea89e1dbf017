package io.eventplatform.transactions.ledger.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

/**
 * A client whose token carries an {@code accounts} claim (the gateway writes it from the client's configuration) may
 * record and read the transactions of those accounts only. A token without the claim is not restricted to accounts;
 * its scopes alone decide.
 */
final class AccountAccess {

	static final String CLAIM = "accounts";

	private AccountAccess() {
	}

	static boolean allows(Jwt token, String accountId) {
		if (!token.hasClaim(CLAIM)) {
			return true;
		}
		List<String> accounts = token.getClaimAsStringList(CLAIM);
		return accounts != null && accounts.contains(accountId);
	}

	/** 403 naming no account but the one asked for: the client learns nothing about other accounts. */
	static void require(Jwt token, String accountId) {
		if (!allows(token, accountId)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"This client may not access account " + accountId);
			problem.setTitle("Account not allowed");
			throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
		}
	}

}
