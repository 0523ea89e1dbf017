package io.eventplatform.analytics.transactions.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.analytics.streams.KeyQueries;
import io.eventplatform.analytics.transactions.TransactionQueries;
import io.eventplatform.support.access.AccountAccess;
import io.eventplatform.support.security.Scopes;
import io.eventplatform.support.validation.NotBefore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;

@RestController
@Validated
class TransactionAnalyticsController {

	private final TransactionQueries queries;

	private final KeyQueries keys;

	private final Clock clock;

	TransactionAnalyticsController(TransactionQueries queries, KeyQueries keys, Clock clock) {
		this.queries = queries;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * The account's 1-minute and 1-hour windows containing {@code at} (default: now), by currency. {@code at} has the
	 * bounds of event times: the window stores cannot represent an instant far outside them.
	 */
	@GetMapping("/api/analytics/accounts/{accountId}")
	@PreAuthorize(Scopes.Require.ANALYTICS_READ)
	TransactionQueries.Account account(@PathVariable String accountId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @NotBefore
			@PastOrPresent Instant at,
			HttpServletRequest request, @AuthenticationPrincipal Jwt client) {
		AccountAccess.requireUse(client, accountId);
		Instant instant = at == null ? clock.instant() : at;
		TransactionQueries.Account account = keys.answer(TransactionQueries.ACCOUNT_STORE, accountId, request,
				TransactionQueries.Account.class, () -> queries.account(accountId, instant));
		if (account == null) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(
					HttpStatus.NOT_FOUND, "No transaction of this account in the windows around that instant"), null);
		}
		return account;
	}

	/** The platform-wide transaction volume per minute over the last {@code minutes} minutes, newest first. */
	@GetMapping("/api/analytics/overview/transactions")
	@PreAuthorize(Scopes.Require.ANALYTICS_READ)
	TransactionQueries.Platform platform(@RequestParam(defaultValue = "10") @Min(1) @Max(1440) int minutes,
			HttpServletRequest request) {
		Instant now = clock.instant();
		return keys.answer(TransactionQueries.PLATFORM_STORE, TransactionQueries.PLATFORM_KEY, request,
				TransactionQueries.Platform.class, () -> queries.platform(now.minus(Duration.ofMinutes(minutes)), now));
	}
}
