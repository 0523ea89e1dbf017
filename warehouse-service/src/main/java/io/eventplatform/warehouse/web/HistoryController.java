package io.eventplatform.warehouse.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.warehouse.HistoryPage;
import io.eventplatform.warehouse.TransactionHistory;
import io.eventplatform.warehouse.TransactionHistory.StoredTransaction;
import io.eventplatform.warehouse.UserHistory;
import io.eventplatform.warehouse.UserHistory.StoredUser;
import io.eventplatform.warehouse.ReadingHistory;
import io.eventplatform.warehouse.ReadingHistory.StoredReading;
import io.eventplatform.support.access.AccountAccess;
import io.eventplatform.support.access.PersonalData;
import io.eventplatform.support.security.Scopes;

/**
 * History from the warehouse tables, newest first. {@code from} (inclusive) and {@code to} (exclusive) are
 * ISO-8601 instants, each optional; {@code page} counts from 0 and {@code size} is at most 100.
 */
@RestController
@RequestMapping("/api/analytics/history")
@PreAuthorize(Scopes.Require.ANALYTICS_READ)
class HistoryController {

	/** Deeper than any history is meant to be paged; keeps the offset far from overflowing. */
	static final int MAX_PAGE = 100_000;

	static final int MAX_SIZE = 100;

	private final TransactionHistory transactions;

	private final ReadingHistory readings;

	private final UserHistory users;

	HistoryController(TransactionHistory transactions, ReadingHistory readings, UserHistory users) {
		this.transactions = transactions;
		this.readings = readings;
		this.users = users;
	}

	@GetMapping("/accounts/{accountId}/transactions")
	HistoryPage<StoredTransaction> transactions(@PathVariable @Size(max = 64) String accountId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size, @AuthenticationPrincipal Jwt client) {
		AccountAccess.requireUse(client, accountId);
		checkRange(from, to);
		return transactions.ofAccount(accountId, from, to, page, size);
	}

	@GetMapping("/stations/{stationId}/readings")
	HistoryPage<StoredReading> readings(@PathVariable @Size(max = 64) String stationId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
		checkRange(from, to);
		return readings.ofStation(stationId, from, to, page, size);
	}

	/**
	 * Users by country and registration time. E-mail and display name are personal data: only a client with
	 * {@code platform:admin} sees them, every other one masked.
	 */
	@GetMapping("/users")
	HistoryPage<StoredUser> users(@RequestParam @Pattern(regexp = "[A-Z]{2}") String country,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size, Authentication caller) {
		checkRange(from, to);
		HistoryPage<StoredUser> found = users.ofCountry(country, from, to, page, size);
		return PersonalData.visibleTo(caller) ? found : found.map(StoredUser::masked);
	}

	/** The same shape as the platform's other validation problems: the parameter, the rule, a message. */
	private static void checkRange(Instant from, Instant to) {
		if (from != null && to != null && !to.isAfter(from)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "to must be after from");
			problem.setTitle("Invalid request");
			problem.setProperty("errors",
					List.of(Map.of("field", "to", "rule", "AfterFrom", "message", "must be after from")));
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
		}
	}
}
