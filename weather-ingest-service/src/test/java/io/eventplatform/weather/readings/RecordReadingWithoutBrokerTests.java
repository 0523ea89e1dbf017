package io.eventplatform.weather.readings;

import static io.eventplatform.weather.readings.Readings.BATCH;
import static io.eventplatform.weather.readings.Readings.SINGLE;
import static io.eventplatform.weather.readings.Readings.newStation;
import static io.eventplatform.weather.readings.Readings.post;
import static io.eventplatform.weather.readings.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing listens on port 1. The configuration is the same as {@code WeatherIngestWithoutBrokerTests}', so both share
 * one context.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.admin.operation-timeout=1s",
		"spring.kafka.admin.close-timeout=1s" })
@AutoConfigureMockMvc
class RecordReadingWithoutBrokerTests {

	/** send() blocks at most max.block.ms (2 s), then the service waits at most publish-timeout (6 s). */
	private static final Duration BOUND = Duration.ofSeconds(8);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Test
	void shouldAnswer503WithRetryAfterWithinTheBoundWhenTheBrokerCannotTakeAReading() {
		// Given
		String body = json.writeValueAsString(reading(newStation(), Instant.now().minusSeconds(60)));

		// When
		long start = System.nanoTime();
		MvcTestResult result = post(mvc, SINGLE, body, "weather:write");
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		// Then
		assertThat(result).hasStatus(503).hasContentType(MediaType.APPLICATION_PROBLEM_JSON).hasHeader("Retry-After",
				"10");
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Readings not accepted");
		assertThat(elapsed).isLessThan(BOUND);
	}

	@Test
	void shouldAnswer503ForABatchWithinTheBoundNotOnceForEachReading() {
		// Given more readings than the bound has seconds: waiting max.block.ms for each would take minutes
		String station = newStation();
		List<Map<String, Object>> batch = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			batch.add(reading(station, Instant.now().minusSeconds(60 + i)));
		}

		// When
		long start = System.nanoTime();
		MvcTestResult result = post(mvc, BATCH, json.writeValueAsString(batch), "weather:write");
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		// Then
		assertThat(result).hasStatus(503).hasContentType(MediaType.APPLICATION_PROBLEM_JSON).hasHeader("Retry-After",
				"10");
		assertThat(elapsed).isLessThan(BOUND);
	}
}
