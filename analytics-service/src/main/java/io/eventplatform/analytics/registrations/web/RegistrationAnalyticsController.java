package io.eventplatform.analytics.registrations.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.analytics.registrations.RegistrationCounts;

@RestController
class RegistrationAnalyticsController {

	private final RegistrationCounts counts;

	RegistrationAnalyticsController(RegistrationCounts counts) {
		this.counts = counts;
	}

	@GetMapping("/api/analytics/registrations")
	@PreAuthorize("hasAuthority('SCOPE_analytics:read')")
	RegistrationCounts.Counts registrations() {
		return counts.current();
	}
}
