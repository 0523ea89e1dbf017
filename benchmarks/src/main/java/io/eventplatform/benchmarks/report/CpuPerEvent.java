package io.eventplatform.benchmarks.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU time each part spent per unit of work (a request, a reading), collected per measured run of a figure and
 * summarised as the median over the runs: what one event costs every part, the quantity the CPU targets are
 * stated in.
 */
public final class CpuPerEvent {

	private final Map<String, Figure> figures = new LinkedHashMap<>();

	/**
	 * One measured run of {@code figure}: the CPU time each part used meanwhile and the units of work done. A run
	 * without work is not recorded (it has no cost per unit).
	 */
	public synchronized void record(String figure, String unit, Map<String, Duration> used, double units) {
		if (units <= 0 || used.isEmpty()) {
			return;
		}
		Figure runs = figures.computeIfAbsent(figure, key -> new Figure(unit));
		Map<String, Double> micros = new LinkedHashMap<>();
		used.forEach((part, cpu) -> micros.put(part, cpu.toNanos() / 1e3 / units));
		runs.runs.add(micros);
	}

	/** One table per figure, in the order first recorded. */
	public synchronized List<Table> tables() {
		List<Table> tables = new ArrayList<>();
		figures.forEach((figure, runs) -> tables.add(runs.table(figure)));
		return tables;
	}

	/**
	 * What each part spent per unit of {@code figure}, median over its runs, largest first.
	 *
	 * @param runs how many runs the medians are taken over
	 * @param micros part to CPU microseconds per unit; a part is included with the runs it was seen in
	 */
	public record Table(String figure, String unit, int runs, Map<String, Double> micros) {

		public double total() {
			return micros.values().stream().mapToDouble(Double::doubleValue).sum();
		}

	}

	private static final class Figure {

		final String unit;

		final List<Map<String, Double>> runs = new ArrayList<>();

		Figure(String unit) {
			this.unit = unit;
		}

		Table table(String figure) {
			Map<String, List<Double>> byPart = new LinkedHashMap<>();
			runs.forEach(run -> run.forEach((part, micros) -> byPart.computeIfAbsent(part, p -> new ArrayList<>())
				.add(micros)));
			Map<String, Double> medians = byPart.entrySet()
				.stream()
				.map(entry -> Map.entry(entry.getKey(), Summary.of(entry.getValue()).median()))
				.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
			return new Table(figure, unit, runs.size(), medians);
		}

	}

}
