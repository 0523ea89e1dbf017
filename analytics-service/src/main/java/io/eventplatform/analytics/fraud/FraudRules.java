package io.eventplatform.analytics.fraud;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

import io.eventplatform.contract.transactions.FraudRulesChanged;

/**
 * The thresholds and windows the fraud rules judge a transaction by: the configured ones ({@link FraudProperties})
 * until a rule set is written to {@code analytics.fraud-rules}, then the newest valid one there. Amounts are decimal
 * strings in JSON, windows ISO-8601 durations, as on the topic.
 *
 * @param changedBy who wrote the rule set; {@code null} for the configured defaults
 * @param changedAt when; {@code null} for the configured defaults
 */
public record FraudRules(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal largeAmount,
		int maxTransactionsPerWindow, Duration velocityWindow, Duration countryChangeWindow,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal smallAmount,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal largeAfterSmallAmount, Duration smallThenLargeWindow,
		@Nullable String changedBy, @Nullable Instant changedAt) {

	static FraudRules of(FraudRulesChanged changed) {
		return new FraudRules(changed.largeAmount(), changed.maxTransactionsPerWindow(), changed.velocityWindow(),
				changed.countryChangeWindow(), changed.smallAmount(), changed.largeAfterSmallAmount(),
				changed.smallThenLargeWindow(), changed.changedBy(), changed.changedAt());
	}

	/**
	 * What makes a rule set unusable, each naming the setting and its rule; empty for a valid one. The same rules for
	 * the configuration and for a record on the topic, so neither can set what the other refuses.
	 * @param maxRememberedTransactions the bound of each account's history, which must hold one velocity window
	 */
	static List<String> problems(BigDecimal largeAmount, int maxTransactionsPerWindow, Duration velocityWindow,
			Duration countryChangeWindow, BigDecimal smallAmount, BigDecimal largeAfterSmallAmount,
			Duration smallThenLargeWindow, int maxRememberedTransactions) {
		List<String> problems = new ArrayList<>();
		positive(problems, "large-amount", largeAmount);
		positive(problems, "small-amount", smallAmount);
		positive(problems, "large-after-small-amount", largeAfterSmallAmount);
		if (maxTransactionsPerWindow < 1) {
			problems.add("max-transactions-per-window (%d) must be at least 1".formatted(maxTransactionsPerWindow));
		}
		if (maxRememberedTransactions <= maxTransactionsPerWindow) {
			problems.add("max-remembered-transactions (%d) must be more than max-transactions-per-window (%d)"
				.formatted(maxRememberedTransactions, maxTransactionsPerWindow));
		}
		positive(problems, "velocity-window", velocityWindow);
		positive(problems, "country-change-window", countryChangeWindow);
		positive(problems, "small-then-large-window", smallThenLargeWindow);
		return problems;
	}

	List<String> problems(int maxRememberedTransactions) {
		return problems(largeAmount, maxTransactionsPerWindow, velocityWindow, countryChangeWindow, smallAmount,
				largeAfterSmallAmount, smallThenLargeWindow, maxRememberedTransactions);
	}

	/** How far back an account's transactions must be remembered for every rule. */
	Duration longestWindow() {
		Duration longest = velocityWindow;
		if (countryChangeWindow.compareTo(longest) > 0) {
			longest = countryChangeWindow;
		}
		if (smallThenLargeWindow.compareTo(longest) > 0) {
			longest = smallThenLargeWindow;
		}
		return longest;
	}

	private static void positive(List<String> problems, String name, BigDecimal amount) {
		if (amount.signum() <= 0) {
			problems.add("%s (%s) must be more than 0".formatted(name, amount.toPlainString()));
		}
	}

	private static void positive(List<String> problems, String name, Duration window) {
		if (window.isNegative() || window.isZero()) {
			problems.add("%s (%s) must be more than 0".formatted(name, window));
		}
	}
}
