package io.eventplatform.analytics.fraud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.FraudSuspected;

/**
 * The newest fraud alerts, newest first.
 *
 * @param alerts at most {@link #LIMIT}
 */
public record RecentFraudAlerts(List<Alert> alerts) {

	static final int LIMIT = 100;

	/** One alert with its event id and time (that of the newest transaction involved). */
	public record Alert(String id, Instant time, FraudSuspected alert) {
	}

	public RecentFraudAlerts {
		alerts = List.copyOf(alerts);
	}

	static RecentFraudAlerts none() {
		return new RecentFraudAlerts(List.of());
	}

	RecentFraudAlerts add(EventEnvelope<FraudSuspected> event) {
		if (alerts.stream().anyMatch(alert -> alert.id().equals(event.id()))) {
			return this;
		}
		List<Alert> next = new ArrayList<>(alerts.size() + 1);
		next.add(new Alert(event.id(), event.time(), event.data()));
		next.addAll(alerts.subList(0, Math.min(alerts.size(), LIMIT - 1)));
		return new RecentFraudAlerts(next);
	}
}
