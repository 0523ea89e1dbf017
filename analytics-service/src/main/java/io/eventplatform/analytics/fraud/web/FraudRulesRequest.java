package io.eventplatform.analytics.fraud.web;

import java.math.BigDecimal;
import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMin;

import io.eventplatform.analytics.fraud.FraudRules;

/**
 * A new rule set as a client sends it: every threshold and window, and who changes them. The property names are a
 * client contract (the console sends them); {@code changedAt} is the service's to set, and ignored if sent.
 */
@Schema(name = "FraudRulesChange", description = "The fraud rules to judge the next transactions by")
record FraudRulesRequest(

		@Schema(description = "amount-above-threshold: flags an amount above this (equal is fine); a decimal string",
				type = "string", example = "10000")
		@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
		@JsonFormat(shape = JsonFormat.Shape.STRING)
		BigDecimal largeAmount,

		@Schema(description = "too-many-transactions: flags more than this many transactions of one account within "
				+ "velocityWindow; fewer than the service's max-remembered-transactions", example = "5")
		@NotNull @Min(1) @FewerThanRememberedTransactions
		Integer maxTransactionsPerWindow,

		@Schema(description = "too-many-transactions: the window, an ISO-8601 duration", type = "string",
				example = "PT1M")
		@NotNull @DurationMin(nanos = 0, inclusive = false)
		Duration velocityWindow,

		@Schema(description = "two-countries: flags two merchant countries at most this far apart", type = "string",
				example = "PT30M")
		@NotNull @DurationMin(nanos = 0, inclusive = false)
		Duration countryChangeWindow,

		@Schema(description = "small-then-large: an amount below this (a card test)...", type = "string",
				example = "1.00")
		@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
		@JsonFormat(shape = JsonFormat.Shape.STRING)
		BigDecimal smallAmount,

		@Schema(description = "small-then-large: ...followed by one above this...", type = "string", example = "500")
		@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
		@JsonFormat(shape = JsonFormat.Shape.STRING)
		BigDecimal largeAfterSmallAmount,

		@Schema(description = "small-then-large: ...at most this much later", type = "string", example = "PT1M")
		@NotNull @DurationMin(nanos = 0, inclusive = false)
		Duration smallThenLargeWindow,

		@Schema(description = "Who changes the rules, e.g. the signed-in person's name", example = "operator")
		@NotBlank @Size(max = 100)
		String changedBy) {

	FraudRules toRules() {
		return new FraudRules(largeAmount, maxTransactionsPerWindow, velocityWindow, countryChangeWindow, smallAmount,
				largeAfterSmallAmount, smallThenLargeWindow, null, null);
	}
}
