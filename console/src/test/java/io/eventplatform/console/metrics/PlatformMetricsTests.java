package io.eventplatform.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import io.eventplatform.support.time.MutableClock;

class PlatformMetricsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	@Test
	void shouldSayThatNoPrometheusIsConfiguredWithoutAskingAnyone() {
		// Given
		PlatformMetrics metrics = metrics(null);

		// When
		PlatformMetrics.Panels panels = metrics.read();

		// Then
		assertThat(panels.available()).isFalse();
		assertThat(panels.problem()).contains("No Prometheus is configured", "platform.console.prometheus-uri");
	}

	@Test
	void shouldSayThatPrometheusDidNotAnswerWhenNothingListensWithinTheTimeout() {
		// Given a port nothing listens on
		int closed = closedPort();
		PlatformMetrics metrics = metrics(URI.create("http://127.0.0.1:" + closed));

		// When
		long started = System.nanoTime();
		PlatformMetrics.Panels panels = metrics.read();

		// Then
		assertThat(panels.available()).isFalse();
		assertThat(panels.problem()).startsWith("Prometheus at http://127.0.0.1:" + closed + " did not answer")
			.contains("The rest of the console works without it");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	private PlatformMetrics metrics(URI prometheus) {
		return new PlatformMetrics(
				new PrometheusClient(new PrometheusProperties(prometheus, Duration.ofSeconds(1)), JsonMapper.builder().build()),
				clock);
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
