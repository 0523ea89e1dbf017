package io.eventplatform.benchmarks.warmup;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * When a warm-up may stop, and how long a target took to come near its steady rate. With the JDK's default JIT a
 * service's rate climbs for minutes while C2 compiles its hot paths: a fixed warm-up either wastes time or measures a
 * JVM still compiling.
 *
 * @param window how many consecutive slices must agree
 * @param tolerance how far apart they may be, relative to the largest (0.05: within 5 %)
 */
public record SteadyState(int window, double tolerance) {

	public SteadyState {
		if (window < 2 || tolerance <= 0 || tolerance >= 1) {
			throw new IllegalArgumentException("window >= 2 and 0 < tolerance < 1 needed, got " + window + ", "
					+ tolerance);
		}
	}

	/** Three slices within 5 % of each other, as the full run uses. */
	public static SteadyState standard() {
		return new SteadyState(3, 0.05);
	}

	/**
	 * Why the rates (oldest first) are steady, or empty while they are not: either the last {@code window} slices are
	 * within {@code tolerance} of each other, or the maximum is settled: the last {@code 2 * window} slices did not
	 * raise the maximum of those before them by more than {@code tolerance} (a noisy plateau on a shared machine).
	 */
	public Optional<String> steady(List<Double> rates) {
		if (rates.size() < window) {
			return Optional.empty();
		}
		List<Double> last = rates.subList(rates.size() - window, rates.size());
		double max = last.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
		double min = last.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
		if (max > 0 && (max - min) / max <= tolerance) {
			return Optional.of(String.format(java.util.Locale.ROOT, "steady: the last %d slices within %.0f %%", window,
					tolerance * 100));
		}
		int settle = 2 * window;
		if (rates.size() > settle) {
			double before = rates.subList(0, rates.size() - settle).stream().mapToDouble(Double::doubleValue).max()
				.orElseThrow();
			double since = rates.subList(rates.size() - settle, rates.size()).stream().mapToDouble(Double::doubleValue)
				.max().orElseThrow();
			if (before > 0 && since <= before * (1 + tolerance)) {
				return Optional.of(String.format(java.util.Locale.ROOT,
						"settled: %d slices without raising the maximum by more than %.0f %%", settle, tolerance * 100));
			}
		}
		return Optional.empty();
	}

	/**
	 * Seconds from the first request to the end of the first slice whose rate reached {@code fraction} of
	 * {@code steadyRate}; empty if none did. The end, not the start: only by then had the slice shown its rate, so the
	 * figure errs by at most one slice towards longer.
	 */
	public static OptionalDouble timeToReach(List<Slice> slices, double steadyRate, double fraction) {
		if (steadyRate <= 0) {
			return OptionalDouble.empty();
		}
		return slices.stream()
			.filter(slice -> slice.rate() >= steadyRate * fraction)
			.mapToDouble(Slice::endSeconds)
			.min();
	}

}
