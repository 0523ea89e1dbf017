package io.eventplatform.analytics.web.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.analytics.streams.KeyQueries;
import io.eventplatform.analytics.web.WebQueries;
import io.eventplatform.analytics.web.WebQueries.Resolution;
import io.eventplatform.support.access.AccountAccess;
import io.eventplatform.support.security.Scopes;
import io.eventplatform.support.validation.NotBefore;
import io.eventplatform.support.web.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;

@RestController
@Validated
class WebAnalyticsController {

	/** Rule of a refusal: a client asked for another client's traffic. */
	static final String RULE_OWN_TRAFFIC = "OwnClientId";

	private static final String PROBLEM = "application/problem+json";

	private final WebQueries queries;

	private final KeyQueries keys;

	private final Clock clock;

	WebAnalyticsController(WebQueries queries, KeyQueries keys, Clock clock) {
		this.queries = queries;
		this.keys = keys;
		this.clock = clock;
	}

	@GetMapping("/api/analytics/web/routes")
	@PreAuthorize(Scopes.Require.PLATFORM_ADMIN)
	@Operation(summary = "The busiest, slowest or most failing routes",
			description = "Every route with calls in the last `minutes` minutes of event time (the minute windows that "
					+ "started after now - minutes), merged from its minute windows, sorted by calls, p99 or error "
					+ "share (highest first, ties by route), one page. Covers all routes whichever instance holds "
					+ "them. Needs scope platform:admin.")
	@ApiResponse(responseCode = "200", description = "One page of routes")
	@ApiResponse(responseCode = "400", description = "Invalid parameter: errors names it and the rule",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "503", description = "The aggregates are being restored; try again after Retry-After",
			headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")),
			content = @Content(mediaType = PROBLEM))
	WebQueries.RoutesPage routes(@RequestParam(defaultValue = "15") @Min(1) @Max(1440) int minutes,
			@RequestParam(defaultValue = "calls") @Pattern(regexp = "calls|p99|errorShare") String sort,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, HttpServletRequest request) {
		Instant now = clock.instant();
		WebQueries.RoutesPage all = keys.gather(WebQueries.ROUTES_STORE, request, WebQueries.RoutesPage.class,
				() -> queries.routes(now.minus(Duration.ofMinutes(minutes)), now), WebQueries.RoutesPage::merge);
		if (KeyQueries.isForwarded(request)) {
			return all;
		}
		return all.page(WebQueries.Sort.named(sort), sort, page, size);
	}

	@GetMapping("/api/analytics/web/routes/series")
	@PreAuthorize(Scopes.Require.PLATFORM_ADMIN)
	@Operation(summary = "A route's calls, errors and latency percentiles per minute or hour",
			description = "One point per window that started in [from, to) and has calls, oldest first. Minute: at "
					+ "most 24 h, default the last 60 minutes; hour: at most 30 days, default the last 24 hours. "
					+ "Needs scope platform:admin.")
	@ApiResponse(responseCode = "200", description = "The route's windows")
	@ApiResponse(responseCode = "400", description = "Invalid parameter: errors names it and the rule",
			content = @Content(mediaType = PROBLEM))
	WebQueries.RouteSeries route(@RequestParam @NotBlank String route,
			@RequestParam(defaultValue = "minute") @Pattern(regexp = "minute|hour") String resolution,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @NotBefore
			@PastOrPresent @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @NotBefore
			@Nullable Instant to, HttpServletRequest request) {
		Range range = range(Resolution.named(resolution), from, to);
		return keys.answer(range.resolution().routeStore(), route, request, WebQueries.RouteSeries.class,
				() -> queries.route(route, range.resolution(), range.from(), range.to()));
	}

	@GetMapping("/api/analytics/web/clients/{clientId}")
	@PreAuthorize(Scopes.Require.ANALYTICS_READ + " or " + Scopes.Require.PLATFORM_ADMIN)
	@Operation(summary = "A client's traffic per minute or hour, and per route",
			description = "The client's windows that started in [from, to) and have calls, and its calls per route "
					+ "over the whole range (busiest first, at most 100). A client sees only its own traffic (the "
					+ "client id of its token); platform:admin sees every client's. Needs scope analytics:read or "
					+ "platform:admin.")
	@ApiResponse(responseCode = "200", description = "The client's traffic")
	@ApiResponse(responseCode = "400", description = "Invalid parameter: errors names it and the rule",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "403", description = "Another client's traffic (rule " + RULE_OWN_TRAFFIC + ")",
			content = @Content(mediaType = PROBLEM))
	WebQueries.ClientTraffic client(@PathVariable String clientId,
			@RequestParam(defaultValue = "minute") @Pattern(regexp = "minute|hour") String resolution,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @NotBefore
			@PastOrPresent @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @NotBefore
			@Nullable Instant to, HttpServletRequest request, Authentication caller) {
		if (!AccountAccess.isAdmin(caller) && !clientId.equals(AccountAccess.clientId(AccountAccess.token(caller)))) {
			throw AccountAccess.refused(RULE_OWN_TRAFFIC,
					"A client may see only its own traffic: the client id of its token, or every client's with scope "
							+ "platform:admin");
		}
		Range range = range(Resolution.named(resolution), from, to);
		return keys.answer(range.resolution().clientStore(), clientId, request, WebQueries.ClientTraffic.class,
				() -> queries.client(clientId, range.resolution(), range.from(), range.to()));
	}

	@GetMapping("/api/analytics/web/errors")
	@PreAuthorize(Scopes.Require.PLATFORM_ADMIN)
	@Operation(summary = "The error share of all routes together per minute or hour",
			description = "One point per window that started in [from, to) and has calls, oldest first, with the "
					+ "calls, 4xx, 5xx and latency percentiles of all routes together. Needs scope platform:admin.")
	@ApiResponse(responseCode = "200", description = "The platform's windows")
	@ApiResponse(responseCode = "400", description = "Invalid parameter: errors names it and the rule",
			content = @Content(mediaType = PROBLEM))
	WebQueries.Errors errors(
			@RequestParam(defaultValue = "minute") @Pattern(regexp = "minute|hour") String resolution,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @NotBefore
			@PastOrPresent @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @NotBefore
			@Nullable Instant to, HttpServletRequest request) {
		Range range = range(Resolution.named(resolution), from, to);
		return keys.answer(range.resolution().platformStore(), WebQueries.PLATFORM_KEY, request,
				WebQueries.Errors.class,
				() -> queries.errors(range.resolution(), range.from(), range.to()));
	}

	private record Range(Resolution resolution, Instant from, Instant to) {
	}

	/**
	 * [from, to), by default the resolution's default range up to now; checked across the two parameters: from
	 * before to, and at most the resolution's longest range (which also keeps both within what the stores represent).
	 */
	private Range range(Resolution resolution, @Nullable Instant from, @Nullable Instant to) {
		Instant end = to != null ? to : from != null ? from.plus(resolution.defaultRange()) : clock.instant();
		Instant start = from != null ? from : end.minus(resolution.defaultRange());
		List<FieldProblem> errors = new ArrayList<>();
		if (start.isAfter(clock.instant())) {
			errors.add(new FieldProblem("to", "PastOrPresent", "must not start a range in the future"));
		}
		else if (!start.isBefore(end)) {
			errors.add(new FieldProblem(to != null ? "to" : "from", "FromBeforeTo", "from must be before to"));
		}
		else if (Duration.between(start, end).compareTo(resolution.maxRange()) > 0) {
			errors.add(new FieldProblem(to != null ? "to" : "from", "MaxRange",
					"the range from from to to may be at most " + resolution.maxRange() + " at resolution "
							+ resolution.label()));
		}
		if (!errors.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					errors.get(0).field() + " " + errors.get(0).message());
			problem.setTitle("Invalid request");
			problem.setProperty("errors", errors);
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
		}
		return new Range(resolution, start, end);
	}
}
