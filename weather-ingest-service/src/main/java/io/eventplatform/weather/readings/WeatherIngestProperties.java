package io.eventplatform.weather.readings;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How weather-ingest-service takes readings.
 *
 * @param publishTimeout how long a request waits for the broker's acknowledgement once its readings are handed to the
 * producer; it must exceed the producer's {@code delivery.timeout.ms}, so that the producer has given a reading up
 * before the client hears 503 (checked at start-up)
 * @param retryAfter the {@code Retry-After} of a 503
 * @param maxBatchReadings the most readings one batch may hold; a larger batch is answered 413
 */
@ConfigurationProperties("platform.weather")
public record WeatherIngestProperties(@DefaultValue("6s") Duration publishTimeout,
		@DefaultValue("10s") Duration retryAfter, @DefaultValue("1000") int maxBatchReadings) {
}
