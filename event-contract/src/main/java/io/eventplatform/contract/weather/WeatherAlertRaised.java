package io.eventplatform.contract.weather;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A weather rule fired for a station: extreme values, or a station that went silent. Keyed by
 * {@link #stationId()} on {@code weather.alerts}.
 *
 * @param temperatureCelsius the reading that triggered the rule, {@code null} for a silent station
 * @param humidityPercent the reading that triggered the rule, {@code null} for a silent station
 */
public record WeatherAlertRaised(String stationId, String rule, String explanation, Instant observedAt,
		@Nullable Double temperatureCelsius, @Nullable Double humidityPercent) {

	public WeatherAlertRaised {
		Objects.requireNonNull(stationId, "stationId");
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(explanation, "explanation");
		Objects.requireNonNull(observedAt, "observedAt");
	}
}
