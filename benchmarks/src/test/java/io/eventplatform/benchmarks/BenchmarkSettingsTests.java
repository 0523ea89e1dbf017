package io.eventplatform.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class BenchmarkSettingsTests {

	@Test
	void warmsUpForMinutesAtMostInTheFullRunAndSecondsInTheSmokeRun() {
		BenchmarkSettings full = BenchmarkSettings.parse(Path.of("."), new String[0]);
		BenchmarkSettings smoke = BenchmarkSettings.parse(Path.of("."), new String[] { "--smoke" });

		assertThat(full.warmupSlice()).isEqualTo(Duration.ofSeconds(5));
		assertThat(full.warmupMax()).isEqualTo(Duration.ofSeconds(180));
		assertThat(smoke.warmupMax()).isLessThanOrEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void takesTheWarmUpsSliceAndMaximumFromTheCommandLine() {
		BenchmarkSettings settings = BenchmarkSettings.parse(Path.of("."),
				new String[] { "--warmup-slice", "10s", "--warmup-max=2m" });

		assertThat(settings.warmupSlice()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.warmupMax()).isEqualTo(Duration.ofMinutes(2));
	}

}
