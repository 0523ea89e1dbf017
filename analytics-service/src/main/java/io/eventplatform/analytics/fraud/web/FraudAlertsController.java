package io.eventplatform.analytics.fraud.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.analytics.fraud.FraudAlertQueries;
import io.eventplatform.analytics.fraud.RecentFraudAlerts;
import io.eventplatform.analytics.streams.KeyQueries;
import io.eventplatform.support.security.Scopes;
import jakarta.servlet.http.HttpServletRequest;

@RestController
class FraudAlertsController {

	private final FraudAlertQueries queries;

	private final KeyQueries keys;

	FraudAlertsController(FraudAlertQueries queries, KeyQueries keys) {
		this.queries = queries;
		this.keys = keys;
	}

	/** The last 100 fraud alerts, newest first. */
	@GetMapping("/api/analytics/alerts/fraud")
	@PreAuthorize(Scopes.Require.ANALYTICS_READ)
	RecentFraudAlerts alerts(HttpServletRequest request) {
		return keys.answer(FraudAlertQueries.STORE, FraudAlertQueries.KEY, request, RecentFraudAlerts.class,
				queries::recent);
	}
}
