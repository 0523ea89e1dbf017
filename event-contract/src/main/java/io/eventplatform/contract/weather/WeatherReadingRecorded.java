package io.eventplatform.contract.weather;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A weather station observed temperature and humidity. Its event time is {@link #observedAt()}, not the time the
 * platform received it. Keyed by {@link #stationId()} on {@code weather.readings}; stations may also produce it
 * straight to the topic.
 *
 * @param pressureHpa optional, {@code null} when the station has no barometer
 */
public record WeatherReadingRecorded(String stationId, Instant observedAt, double temperatureCelsius,
		double humidityPercent, @Nullable Double pressureHpa) {

	public WeatherReadingRecorded {
		Objects.requireNonNull(stationId, "stationId");
		Objects.requireNonNull(observedAt, "observedAt");
	}
}
