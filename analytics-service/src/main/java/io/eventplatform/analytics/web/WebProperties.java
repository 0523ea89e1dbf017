package io.eventplatform.analytics.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;

/**
 * Web analytics of {@code gateway.requests} and the route alerts.
 *
 * @param minuteGrace how late (in event time) a call may arrive and still count in its minute
 * @param hourGrace how late a call may arrive and still count in its hour
 * @param minuteRetention how long minute windows stay queryable (the minute queries reach back 24 hours)
 * @param hourRetention how long hour windows stay queryable (the hour queries reach back 30 days)
 * @param consecutiveMinutes a route alerts when this many consecutive minutes are beyond a limit
 * @param minCalls the fewest calls a minute needs to count as beyond a limit (error share or p99)
 * @param maxErrorShare the share of calls answered 4xx or 5xx a minute may have (at the limit is fine)
 * @param maxP99 the p99 latency a minute may have (at the limit is fine)
 */
@ConfigurationProperties("platform.analytics.web")
@Validated
public record WebProperties(@DefaultValue("2m") Duration minuteGrace, @DefaultValue("10m") Duration hourGrace,
		@DefaultValue("25h") Duration minuteRetention, @DefaultValue("31d") Duration hourRetention,
		@DefaultValue("3") @Min(1) int consecutiveMinutes, @DefaultValue("20") @Min(1) long minCalls,
		@DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double maxErrorShare,
		@DefaultValue("2s") Duration maxP99) {

	static final Duration MINUTE = Duration.ofMinutes(1);

	static final Duration HOUR = Duration.ofHours(1);

	/** Long enough for the latest copy of an event any window could still count. */
	Duration deduplicationWindow() {
		return max(MINUTE.plus(minuteGrace), HOUR.plus(hourGrace));
	}

	Duration minuteStoreRetention() {
		return max(minuteRetention, MINUTE.plus(minuteGrace));
	}

	Duration hourStoreRetention() {
		return max(hourRetention, HOUR.plus(hourGrace));
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}
}
