package io.eventplatform.benchmarks.baseline;

import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The same fields and rules as weather-ingest-service's reading request. */
record BaselineReading(@NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*") String stationId,
		@NotNull Instant observedAt, @NotNull @DecimalMin("-90") @DecimalMax("60") Double temperatureCelsius,
		@NotNull @DecimalMin("0") @DecimalMax("100") Double humidityPercent,
		@DecimalMin("300") @DecimalMax("1100") Double pressureHpa) {
}
