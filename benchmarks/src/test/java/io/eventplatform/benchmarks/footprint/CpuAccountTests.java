package io.eventplatform.benchmarks.footprint;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuAccountTests {

	@Test
	void splitsTheCpuTimeBetweenTwoSnapshotsByPartLargestFirst() {
		Map<String, Duration> before = Map.of("gateway", Duration.ofMillis(1000), "kafka-broker", Duration.ofMillis(500),
				"mail-server", Duration.ofMillis(100));
		Map<String, Duration> after = Map.of("gateway", Duration.ofMillis(1300), "kafka-broker", Duration.ofMillis(1500),
				"mail-server", Duration.ofMillis(100), "not-there-before", Duration.ofMillis(50));

		Map<String, Duration> used = CpuAccount.between(before, after);

		assertThat(List.copyOf(used.keySet())).containsExactly("kafka-broker", "gateway", "mail-server");
		assertThat(used.get("kafka-broker")).isEqualTo(Duration.ofMillis(1000));
		assertThat(used.get("gateway")).isEqualTo(Duration.ofMillis(300));
	}

	@Test
	void describesTheCpuTimePerUnitOfWorkLeavingOutWhatIsNegligible() {
		Map<String, Duration> used = Map.of("gateway", Duration.ofMillis(2000), "weather-ingest-service",
				Duration.ofMillis(500), "mail-server", Duration.ofMillis(1));

		assertThat(CpuAccount.perUnit(used, 1000, "request"))
			.isEqualTo("CPU per request: gateway 2.00 ms, weather-ingest-service 500 µs (total 2.50 ms)");
		assertThat(CpuAccount.perUnit(used, 0, "request")).isEqualTo("no request completed");
	}

	@Test
	void findsTheCpuTimeOfAProcessByThePortItListensOn() throws Exception {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			Map<String, Duration> used = new CpuAccount(Map.of("this-jvm", socket.getLocalPort())).snapshot();

			assertThat(used).containsKey("this-jvm");
			assertThat(used.get("this-jvm")).isPositive();
		}
	}

}
