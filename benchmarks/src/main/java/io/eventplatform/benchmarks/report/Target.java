package io.eventplatform.benchmarks.report;

import org.jspecify.annotations.Nullable;

/**
 * A target of the issue and whether the median met it.
 *
 * @param margin how far the median is from the target, relative to it: {@code +0.12} is 12 % better than needed,
 * {@code -0.30} is 30 % short
 */
public record Target(Comparison comparison, double value, boolean met, double margin) {

	public enum Comparison {

		AT_LEAST(">="), AT_MOST("<=");

		private final String symbol;

		Comparison(String symbol) {
			this.symbol = symbol;
		}

		public String symbol() {
			return symbol;
		}

	}

	record Spec(Comparison comparison, double value) {

		Target check(@Nullable Summary summary) {
			if (summary == null) {
				return new Target(comparison, value, false, Double.NaN);
			}
			double median = summary.median();
			boolean met = comparison == Comparison.AT_LEAST ? median >= value : median <= value;
			double margin = comparison == Comparison.AT_LEAST ? median / value - 1 : 1 - median / value;
			return new Target(comparison, value, met, margin);
		}

	}

}
