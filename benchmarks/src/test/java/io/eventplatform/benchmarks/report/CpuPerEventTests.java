package io.eventplatform.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CpuPerEventTests {

	@Test
	void givesEachPartsMedianCpuTimePerUnitOverTheRunsLargestFirst() {
		// Given three runs of G, 1,000 calls each, and one of B
		CpuPerEvent cpu = new CpuPerEvent();
		cpu.record("G", "request", Map.of("gateway", Duration.ofMillis(300), "weather-ingest-service",
				Duration.ofMillis(100)), 1_000);
		cpu.record("B", "reading", Map.of("weather-ingest-service", Duration.ofMillis(50)), 10_000);
		cpu.record("G", "request", Map.of("gateway", Duration.ofMillis(200), "weather-ingest-service",
				Duration.ofMillis(150)), 1_000);
		cpu.record("G", "request", Map.of("gateway", Duration.ofMillis(400), "weather-ingest-service",
				Duration.ofMillis(120)), 1_000);

		// When
		List<CpuPerEvent.Table> tables = cpu.tables();

		// Then
		assertThat(tables).extracting(CpuPerEvent.Table::figure).containsExactly("G", "B");
		CpuPerEvent.Table g = tables.get(0);
		assertThat(g.runs()).isEqualTo(3);
		assertThat(g.unit()).isEqualTo("request");
		assertThat(List.copyOf(g.micros().keySet())).containsExactly("gateway", "weather-ingest-service");
		assertThat(g.micros().get("gateway")).isCloseTo(300, within(1e-9));
		assertThat(g.micros().get("weather-ingest-service")).isCloseTo(120, within(1e-9));
		assertThat(g.total()).isCloseTo(420, within(1e-9));
		assertThat(tables.get(1).micros().get("weather-ingest-service")).isCloseTo(5, within(1e-9));
	}

	@Test
	void leavesOutARunThatCompletedNothing() {
		CpuPerEvent cpu = new CpuPerEvent();
		cpu.record("R", "request", Map.of("weather-ingest-service", Duration.ofMillis(100)), 0);
		cpu.record("R", "request", Map.of("weather-ingest-service", Duration.ofMillis(100)), 1_000);

		assertThat(cpu.tables().get(0).runs()).isEqualTo(1);
		assertThat(cpu.tables().get(0).micros().get("weather-ingest-service")).isCloseTo(100, within(1e-9));
	}

	@Test
	void printsOneTableOfMicrosecondsPerUnitForEachFigure() {
		CpuPerEvent cpu = new CpuPerEvent();
		cpu.record("R: single readings", "request", Map.of("weather-ingest-service", Duration.ofMillis(345),
				"kafka-broker", Duration.ofMillis(120), "mail-server", Duration.ofNanos(500_000)), 1_000);

		String markdown = ReportWriter.cpuTables(cpu.tables());

		assertThat(markdown).contains("**R: single readings**, µs per request (1 run)",
				"| weather-ingest-service | 345.0 |\n| kafka-broker | 120.0 |\n| **total** | 465.5 |");
		assertThat(markdown).doesNotContain("mail-server");
	}

}
