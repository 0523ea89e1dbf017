package io.eventplatform.console.trend;

import java.util.List;

/**
 * Points of a small chart, in the shape uPlot takes: times in epoch seconds, and one value each.
 *
 * @param times epoch seconds
 * @param values the value at each time
 */
public record Series(List<Long> times, List<Double> values) {

	public static Series empty() {
		return new Series(List.of(), List.of());
	}

	/** The newest value, 0 when there is none yet. */
	public double latest() {
		return values.isEmpty() ? 0 : values.get(values.size() - 1);
	}
}
