package io.eventplatform.contract.transactions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The fraud rules were changed: from now on every analytics instance judges transactions by these thresholds and
 * windows. The one record under {@link #KEY} on the compacted {@code analytics.fraud-rules} is the rule set in force.
 * Amounts are decimal strings on the wire, windows ISO-8601 durations.
 *
 * @param changedBy who changed them (the console sends the signed-in person's name)
 * @param changedAt when, by the writing service's clock
 */
public record FraudRulesChanged(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal largeAmount,
		int maxTransactionsPerWindow, Duration velocityWindow, Duration countryChangeWindow,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal smallAmount,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal largeAfterSmallAmount, Duration smallThenLargeWindow,
		String changedBy, Instant changedAt) {

	/** The record key of the rule set: one key, so compaction keeps exactly the rules in force. */
	public static final String KEY = "fraud-rules";

	public FraudRulesChanged {
		Objects.requireNonNull(largeAmount, "largeAmount");
		Objects.requireNonNull(velocityWindow, "velocityWindow");
		Objects.requireNonNull(countryChangeWindow, "countryChangeWindow");
		Objects.requireNonNull(smallAmount, "smallAmount");
		Objects.requireNonNull(largeAfterSmallAmount, "largeAfterSmallAmount");
		Objects.requireNonNull(smallThenLargeWindow, "smallThenLargeWindow");
		Objects.requireNonNull(changedBy, "changedBy");
		Objects.requireNonNull(changedAt, "changedAt");
	}
}
