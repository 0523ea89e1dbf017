package io.eventplatform.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.eventplatform.benchmarks.report.Results.NotRun;
import io.eventplatform.benchmarks.report.Target.Comparison;

class ResultsTests {

	@Test
	void shouldReportTheMedianAndSpreadOfTheSamples() {
		Results results = new Results();
		results.declare("R", "R", "readings/s");
		List.of(900.0, 1000.0, 1200.0, 800.0, 1100.0).forEach(sample -> results.sample("R", sample));

		Summary summary = results.figures().get(0).summary();

		assertThat(summary.median()).isEqualTo(1000);
		assertThat(summary.min()).isEqualTo(800);
		assertThat(summary.max()).isEqualTo(1200);
		assertThat(summary.q1()).isEqualTo(900);
		assertThat(summary.q3()).isEqualTo(1100);
	}

	@Test
	void shouldStateTheMarginByWhichATargetIsMetOrMissed() {
		Results results = new Results();
		results.declare("ratio.R/H", "R/H", "ratio");
		results.target("ratio.R/H", Comparison.AT_LEAST, 0.85);
		results.sample("ratio.R/H", 0.68);
		results.declare("E2E.p99", "p99", "ms");
		results.target("E2E.p99", Comparison.AT_MOST, 50);
		results.sample("E2E.p99", 40);

		Target ratio = results.figures().get(0).target();
		Target latency = results.figures().get(1).target();

		assertThat(ratio.met()).isFalse();
		assertThat(ratio.margin()).isCloseTo(-0.2, within(1e-9));
		assertThat(latency.met()).isTrue();
		assertThat(latency.margin()).isCloseTo(0.2, within(1e-9));
	}

	@Test
	void shouldNeverCountAFigureWithoutSamplesAsMet() {
		Results results = new Results();
		results.declare("N", "N", "readings/s");
		results.target("N", Comparison.AT_LEAST, 1);
		results.notRun("N", NotRun.TOOL_MISSING, "nginx is not installed");
		results.declare("G", "G", "readings/s");

		Figure skipped = results.figures().get(0);
		Figure forgotten = results.figures().get(1);

		assertThat(skipped.measured()).isFalse();
		assertThat(skipped.target().met()).isFalse();
		assertThat(skipped.notRun()).isEqualTo(NotRun.TOOL_MISSING);
		assertThat(forgotten.notRun()).isEqualTo(NotRun.FAILED);
	}

}
