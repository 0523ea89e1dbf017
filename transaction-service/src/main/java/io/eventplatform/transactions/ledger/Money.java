package io.eventplatform.transactions.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Amounts and their currencies' scales (ISO 4217 minor units: EUR 2, JPY 0, BHD 3). */
public final class Money {

	private Money() {
	}

	/** The number of decimals the currency allows, or -1 for a code that is not ISO 4217. */
	public static int minorUnits(String currencyCode) {
		try {
			return Currency.getInstance(currencyCode).getDefaultFractionDigits();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return -1;
		}
	}

	/** Pads to the currency's scale; never rounds, because amounts of a wider scale are rejected on the way in. */
	static BigDecimal inScaleOf(BigDecimal amount, String currency) {
		return amount.setScale(Math.max(0, minorUnits(currency)), RoundingMode.UNNECESSARY);
	}
}
