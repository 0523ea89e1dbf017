package io.eventplatform.analytics.weather;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.weather.WeatherAlertRaised;

/**
 * The newest weather alerts, newest first.
 *
 * @param alerts at most {@link #LIMIT}
 */
public record RecentWeatherAlerts(List<Alert> alerts) {

	static final int LIMIT = 100;

	/** One alert with its event id and time. */
	public record Alert(String id, Instant time, WeatherAlertRaised alert) {
	}

	public RecentWeatherAlerts {
		alerts = List.copyOf(alerts);
	}

	static RecentWeatherAlerts none() {
		return new RecentWeatherAlerts(List.of());
	}

	RecentWeatherAlerts add(EventEnvelope<WeatherAlertRaised> event) {
		if (alerts.stream().anyMatch(alert -> alert.id().equals(event.id()))) {
			return this;
		}
		List<Alert> next = new ArrayList<>(alerts.size() + 1);
		next.add(new Alert(event.id(), event.time(), event.data()));
		next.addAll(alerts.subList(0, Math.min(alerts.size(), LIMIT - 1)));
		return new RecentWeatherAlerts(next);
	}
}
