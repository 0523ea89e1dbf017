package io.eventplatform.analytics.fraud;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds and windows of the fraud rules. Amounts are compared as numbers whatever the currency.
 *
 * @param largeAmount {@code amount-above-threshold}: a transaction above this amount (equal is fine)
 * @param maxTransactionsPerWindow {@code too-many-transactions}: more than this many transactions of one account...
 * @param velocityWindow ...within this span of occurred-at times
 * @param countryChangeWindow {@code two-countries}: transactions in two merchant countries at most this far apart
 * @param smallAmount {@code small-then-large}: a transaction below this amount (a card test)...
 * @param largeAfterSmallAmount ...followed by one above this amount...
 * @param smallThenLargeWindow ...at most this much later
 * @param maxRememberedTransactions the most transactions of one account kept for the rules (the newest); bounds the
 * state and the time of each rule when one account sends a burst
 */
@ConfigurationProperties("platform.analytics.fraud")
public record FraudProperties(@DefaultValue("10000") BigDecimal largeAmount,
		@DefaultValue("5") int maxTransactionsPerWindow, @DefaultValue("1m") Duration velocityWindow,
		@DefaultValue("30m") Duration countryChangeWindow, @DefaultValue("1.00") BigDecimal smallAmount,
		@DefaultValue("500") BigDecimal largeAfterSmallAmount, @DefaultValue("1m") Duration smallThenLargeWindow,
		@DefaultValue("1000") int maxRememberedTransactions) {

	public FraudProperties {
		if (maxRememberedTransactions <= maxTransactionsPerWindow) {
			throw new IllegalArgumentException("max-remembered-transactions (%d) must be more than "
				.formatted(maxRememberedTransactions) + "max-transactions-per-window (%d)"
					.formatted(maxTransactionsPerWindow));
		}
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
}
