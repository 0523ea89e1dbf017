package io.eventplatform.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median of repeated samples and their spread: minimum, maximum and the quartiles. */
public record Summary(int n, double median, double min, double max, double q1, double q3) {

	public static Summary of(List<Double> samples) {
		if (samples.isEmpty()) {
			throw new IllegalArgumentException("No samples");
		}
		List<Double> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		return new Summary(sorted.size(), quantile(sorted, 0.5), sorted.get(0), sorted.get(sorted.size() - 1),
				quantile(sorted, 0.25), quantile(sorted, 0.75));
	}

	/** Linear interpolation between the closest ranks, as most statistics packages do by default. */
	public static double quantile(List<Double> sorted, double q) {
		double position = q * (sorted.size() - 1);
		int lower = (int) Math.floor(position);
		int upper = (int) Math.ceil(position);
		return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
	}

}
