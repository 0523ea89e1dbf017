package io.eventplatform.weather.readings.web;

import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import io.eventplatform.contract.weather.WeatherReadingRecorded;
import io.eventplatform.support.validation.NotBefore;

/**
 * One reading as a client sends it; a batch is a JSON array of these. The property names are a client contract.
 * The station id becomes the record key, so it is kept to characters that are safe everywhere.
 */
@Schema(name = "Reading", description = "One observation of a weather station")
record ReadingRequest(

		@Schema(description = "The station; the record key on weather.readings", example = "station-042")
		@NotNull @Size(min = 1, max = 64)
		@Pattern(regexp = "[A-Za-z0-9._-]*", message = "may only contain letters, digits, '.', '_' and '-'")
		String stationId,

		@Schema(description = "When the station observed it, an ISO-8601 instant: the event time. Late and "
				+ "out-of-order readings are accepted, from 2000-01-01T00:00:00Z on; at most 5 minutes ahead of the "
				+ "service's clock.", example = "2026-11-21T10:15:00Z")
		@NotNull @NotBefore @PastOrPresent
		Instant observedAt,

		@Schema(description = "Air temperature in °C", example = "7.5")
		@NotNull @DecimalMin("-90") @DecimalMax("60")
		Double temperatureCelsius,

		@Schema(description = "Relative humidity in %", example = "81")
		@NotNull @DecimalMin("0") @DecimalMax("100")
		Double humidityPercent,

		@Schema(description = "Air pressure in hPa; left out by stations without a barometer", example = "1013.2")
		@DecimalMin("300") @DecimalMax("1100")
		Double pressureHpa) {

	WeatherReadingRecorded toReading() {
		return new WeatherReadingRecorded(stationId, observedAt, temperatureCelsius, humidityPercent, pressureHpa);
	}
}
