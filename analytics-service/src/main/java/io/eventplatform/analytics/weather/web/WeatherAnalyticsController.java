package io.eventplatform.analytics.weather.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.analytics.streams.KeyQueries;
import io.eventplatform.analytics.weather.RecentWeatherAlerts;
import io.eventplatform.analytics.weather.StationQueries;
import io.eventplatform.support.security.Scopes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@Validated
class WeatherAnalyticsController {

	private final StationQueries queries;

	private final KeyQueries keys;

	private final Clock clock;

	WeatherAnalyticsController(StationQueries queries, KeyQueries keys, Clock clock) {
		this.queries = queries;
		this.keys = keys;
		this.clock = clock;
	}

	/** The latest reading and the hourly statistics of the last {@code hours} hours (the current one included). */
	@GetMapping("/api/analytics/stations/{stationId}")
	@PreAuthorize(Scopes.Require.ANALYTICS_READ)
	StationQueries.Station station(@PathVariable String stationId,
			@RequestParam(defaultValue = "3") @Min(1) @Max(168) int hours, HttpServletRequest request) {
		Instant now = clock.instant();
		StationQueries.Station station = keys.answer(StationQueries.STATION_STORE, stationId, request,
				StationQueries.Station.class,
				() -> queries.station(stationId, now.minus(Duration.ofHours(hours)), now));
		if (station == null) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND,
					ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No reading of this station yet"), null);
		}
		return station;
	}

	/** The last 100 weather alerts, newest first. */
	@GetMapping("/api/analytics/alerts/weather")
	@PreAuthorize(Scopes.Require.ANALYTICS_READ)
	RecentWeatherAlerts alerts(HttpServletRequest request) {
		return keys.answer(StationQueries.RECENT_ALERTS_STORE, StationQueries.RECENT_ALERTS_KEY, request,
				RecentWeatherAlerts.class, queries::recentAlerts);
	}
}
