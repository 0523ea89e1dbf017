package io.eventplatform.analytics.weather;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Weather aggregates and rules.
 *
 * @param grace how late (by observed-at) a reading may arrive and still count in its hour
 * @param minTemperature readings below raise {@code temperature-out-of-range}
 * @param maxTemperature readings above raise {@code temperature-out-of-range}
 * @param minHumidity readings below raise {@code humidity-out-of-range}
 * @param maxHumidity readings above raise {@code humidity-out-of-range}
 * @param expectedInterval the longest a station may go without a reading before {@code station-silent} is raised
 * @param expectedIntervals per-station overrides of {@code expectedInterval}
 * @param silenceCheckInterval how often (wall-clock) the stations' last readings are checked
 */
@ConfigurationProperties("platform.analytics.weather")
public record WeatherProperties(@DefaultValue("10m") Duration grace, @DefaultValue("-40") double minTemperature,
		@DefaultValue("50") double maxTemperature, @DefaultValue("5") double minHumidity,
		@DefaultValue("100") double maxHumidity, @DefaultValue("90m") Duration expectedInterval,
		@DefaultValue Map<String, Duration> expectedIntervals, @DefaultValue("1m") Duration silenceCheckInterval) {

	public Duration expectedIntervalOf(String stationId) {
		return expectedIntervals.getOrDefault(stationId, expectedInterval);
	}
}
