package io.eventplatform.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Every figure of a run as it is collected: one sample per repetition, or the reason it was not measured. A figure
 * that was not measured is never reported as a value, and a target on it is never counted as met.
 */
public final class Results {

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	/** Declares a figure up front, so that the report lists it even if nothing ever measures it. */
	public synchronized void declare(String key, String title, String unit) {
		entries.computeIfAbsent(key, k -> new Entry(key, title, unit));
	}

	public synchronized void sample(String key, double value) {
		entry(key).samples.add(value);
	}

	/** Why a figure was not measured; {@code code} lets a reader (and the smoke test) tell a missing tool from a fault. */
	public synchronized void notRun(String key, NotRun code, String reason) {
		Entry entry = entry(key);
		if (entry.notRun == null) {
			entry.notRun = code;
			entry.reason = reason;
		}
	}

	public synchronized void detail(String key, String name, Object value) {
		entry(key).details.put(name, value);
	}

	/** The figure meets its target when its median is at least (or at most) {@code value}. */
	public synchronized void target(String key, Target.Comparison comparison, double value) {
		entry(key).target = new Target.Spec(comparison, value);
	}

	public synchronized List<Double> samples(String key) {
		Entry entry = entries.get(key);
		return entry == null ? List.of() : List.copyOf(entry.samples);
	}

	public synchronized List<Figure> figures() {
		List<Figure> figures = new ArrayList<>();
		for (Entry entry : entries.values()) {
			figures.add(entry.toFigure());
		}
		return figures;
	}

	private Entry entry(String key) {
		Entry entry = entries.get(key);
		if (entry == null) {
			throw new IllegalArgumentException("Figure '" + key + "' was not declared");
		}
		return entry;
	}

	/** Why a figure has no value. */
	public enum NotRun {

		/** wrk or nginx is not installed (and could not be installed). */
		TOOL_MISSING,
		/** The platform running has no consumer of weather.readings of this kind (yet). */
		NO_CONSUMER,
		/** Attached to a platform the harness did not start: it cannot restart or time it. */
		ATTACHED,
		/** The measurement failed; the reason says how. */
		FAILED

	}

	private static final class Entry {

		final String key;

		final String title;

		final String unit;

		final List<Double> samples = new ArrayList<>();

		final Map<String, Object> details = new LinkedHashMap<>();

		@Nullable NotRun notRun;

		@Nullable String reason;

		Target.@Nullable Spec target;

		Entry(String key, String title, String unit) {
			this.key = key;
			this.title = title;
			this.unit = unit;
		}

		Figure toFigure() {
			if (samples.isEmpty() && notRun == null) {
				notRun = NotRun.FAILED;
				reason = "no sample was taken";
			}
			Summary summary = samples.isEmpty() ? null : Summary.of(samples);
			Target result = target == null ? null : target.check(summary);
			return new Figure(key, title, unit, samples.isEmpty() ? "not-run" : "measured",
					samples.isEmpty() ? notRun : null, samples.isEmpty() ? reason : null, List.copyOf(samples),
					summary, result, Map.copyOf(details));
		}

	}

}
