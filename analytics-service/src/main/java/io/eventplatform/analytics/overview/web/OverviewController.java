package io.eventplatform.analytics.overview.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.analytics.overview.OverviewQueries;
import io.eventplatform.analytics.streams.KeyQueries;
import io.eventplatform.support.security.Scopes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@Validated
class OverviewController {

	private final OverviewQueries queries;

	private final KeyQueries keys;

	private final Clock clock;

	OverviewController(OverviewQueries queries, KeyQueries keys, Clock clock) {
		this.queries = queries;
		this.keys = keys;
		this.clock = clock;
	}

	/** Events per input topic per minute (of event time) over the last {@code minutes} minutes, newest first. */
	@GetMapping("/api/analytics/overview")
	@PreAuthorize(Scopes.Require.ANALYTICS_READ)
	OverviewQueries.Overview overview(@RequestParam(defaultValue = "10") @Min(1) @Max(1440) int minutes,
			HttpServletRequest request) {
		Instant now = clock.instant();
		return keys.answer(OverviewQueries.STORE, OverviewQueries.KEY, request, OverviewQueries.Overview.class,
				() -> queries.overview(now.minus(Duration.ofMinutes(minutes)), now));
	}
}
