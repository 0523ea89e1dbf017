package io.eventplatform.benchmarks.report;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One figure of the report.
 *
 * @param key stable name, e.g. {@code R} or {@code ratio.R/H}
 * @param status {@code measured} or {@code not-run}
 * @param notRun why not, when not run
 * @param samples one per repetition, in the order taken
 * @param summary median and spread of the samples; {@code null} when not run
 * @param target the target and whether the median meets it; {@code null} when the figure has none
 */
public record Figure(String key, String title, String unit, String status, Results.@Nullable NotRun notRun,
		@Nullable String reason, List<Double> samples, @Nullable Summary summary, @Nullable Target target,
		Map<String, Object> details) {

	public boolean measured() {
		return summary != null;
	}

}
