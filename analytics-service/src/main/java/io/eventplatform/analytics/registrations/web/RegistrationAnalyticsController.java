package io.eventplatform.analytics.registrations.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.analytics.registrations.RegistrationCounts;
import io.eventplatform.analytics.streams.KeyQueries;
import io.eventplatform.support.security.Scopes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@Validated
class RegistrationAnalyticsController {

	private final RegistrationCounts counts;

	private final KeyQueries keys;

	private final Clock clock;

	RegistrationAnalyticsController(RegistrationCounts counts, KeyQueries keys, Clock clock) {
		this.counts = counts;
		this.keys = keys;
		this.clock = clock;
	}

	@GetMapping("/api/analytics/registrations")
	@PreAuthorize(Scopes.Require.ANALYTICS_READ)
	RegistrationCounts.Counts registrations(HttpServletRequest request) {
		return keys.gather(RegistrationCounts.BY_COUNTRY_STORE, request, RegistrationCounts.Counts.class,
				counts::current, RegistrationCounts.Counts::plus);
	}

	/** One country's registrations per hour over the last {@code hours} hours, newest first. */
	@GetMapping("/api/analytics/registrations/{country}")
	@PreAuthorize(Scopes.Require.ANALYTICS_READ)
	RegistrationCounts.Hourly hourly(@PathVariable String country,
			@RequestParam(defaultValue = "24") @Min(1) @Max(720) int hours, HttpServletRequest request) {
		Instant now = clock.instant();
		return keys.answer(RegistrationCounts.HOURLY_STORE, country, request, RegistrationCounts.Hourly.class,
				() -> counts.hourly(country, now.minus(Duration.ofHours(hours)), now));
	}
}
