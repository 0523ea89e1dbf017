package io.eventplatform.analytics.fraud;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds and windows of the fraud rules as configured: the defaults, in force while {@code analytics.fraud-rules}
 * holds no valid rule set (see {@link FraudRulesUpdater}). Amounts are compared as numbers whatever the currency.
 *
 * @param largeAmount {@code amount-above-threshold}: a transaction above this amount (equal is fine)
 * @param maxTransactionsPerWindow {@code too-many-transactions}: more than this many transactions of one account...
 * @param velocityWindow ...within this span of occurred-at times
 * @param countryChangeWindow {@code two-countries}: transactions in two merchant countries at most this far apart
 * @param smallAmount {@code small-then-large}: a transaction below this amount (a card test)...
 * @param largeAfterSmallAmount ...followed by one above this amount...
 * @param smallThenLargeWindow ...at most this much later
 * @param maxRememberedTransactions the most transactions of one account kept for the rules (the newest); bounds the
 * state and the time of each rule when one account sends a burst; configuration only, never changed at run time
 */
@ConfigurationProperties("platform.analytics.fraud")
public record FraudProperties(@DefaultValue("10000") BigDecimal largeAmount,
		@DefaultValue("5") int maxTransactionsPerWindow, @DefaultValue("1m") Duration velocityWindow,
		@DefaultValue("30m") Duration countryChangeWindow, @DefaultValue("1.00") BigDecimal smallAmount,
		@DefaultValue("500") BigDecimal largeAfterSmallAmount, @DefaultValue("1m") Duration smallThenLargeWindow,
		@DefaultValue("1000") int maxRememberedTransactions) {

	public FraudProperties {
		List<String> problems = FraudRules.problems(largeAmount, maxTransactionsPerWindow, velocityWindow,
				countryChangeWindow, smallAmount, largeAfterSmallAmount, smallThenLargeWindow, maxRememberedTransactions);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid platform.analytics.fraud: " + String.join("; ", problems));
		}
	}

	/** The configured rules: those in force until a rule set is written to {@code analytics.fraud-rules}. */
	FraudRules rules() {
		return new FraudRules(largeAmount, maxTransactionsPerWindow, velocityWindow, countryChangeWindow, smallAmount,
				largeAfterSmallAmount, smallThenLargeWindow, null, null);
	}
}
