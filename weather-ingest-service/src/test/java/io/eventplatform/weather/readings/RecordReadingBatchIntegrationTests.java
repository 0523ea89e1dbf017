package io.eventplatform.weather.readings;

import static io.eventplatform.weather.PinnedClock.NOW;
import static io.eventplatform.weather.readings.Readings.BATCH;
import static io.eventplatform.weather.readings.Readings.SINGLE;
import static io.eventplatform.weather.readings.Readings.expectedId;
import static io.eventplatform.weather.readings.Readings.newStation;
import static io.eventplatform.weather.readings.Readings.post;
import static io.eventplatform.weather.readings.Readings.reading;
import static io.eventplatform.weather.readings.ReadingsTopic.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.eventplatform.weather.WeatherIngestIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

@WeatherIngestIntegrationTest
class RecordReadingBatchIntegrationTests {

	private static final String WRITE = "weather:write";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	ReadingsTopic topic;

	@BeforeEach
	void openTopic() {
		topic = new ReadingsTopic(broker);
	}

	@AfterEach
	void closeTopic() {
		topic.close();
	}

	@Test
	void shouldPublishEveryReadingKeepingTheOrderOfEachStation() {
		// Given three stations' readings interleaved, one station's out of time order (a late reading)
		List<String> stations = List.of(newStation(), newStation(), newStation());
		List<Map<String, Object>> batch = new ArrayList<>();
		List<Instant> minutesAgo = List.of(minutesAgo(50), minutesAgo(40), minutesAgo(55), minutesAgo(30),
				minutesAgo(20));
		for (Instant observedAt : minutesAgo) {
			stations.forEach(station -> batch.add(reading(station, observedAt)));
		}
		DistributionSummary batchSizes = meters.get("platform.weather.batch.size").summary();
		long batchesBefore = batchSizes.count();

		// When
		MvcTestResult result = post(mvc, BATCH, json.writeValueAsString(batch), WRITE);

		// Then: 202 with every id, in the order of the batch
		assertThat(result).hasStatus(202).bodyJson().extractingPath("$.accepted").isEqualTo(15);
		List<String> expectedIds = batch.stream()
			.map(reading -> expectedId((String) reading.get("stationId"),
					Instant.parse((String) reading.get("observedAt"))))
			.toList();
		assertThat(result).bodyJson().extractingPath("$.ids").asArray().containsExactlyElementsOf(expectedIds);

		// And: each station's readings are on the topic in the order they were sent
		for (String station : stations) {
			List<ConsumerRecord<String, byte[]>> records = topic.awaitRecordsOf(station, minutesAgo.size());
			assertThat(records).extracting(record -> Instant.parse(header(record, "ce_time")))
				.containsExactlyElementsOf(minutesAgo);
			assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
		}
		assertThat(batchSizes.count()).isEqualTo(batchesBefore + 1);
		assertThat(batchSizes.max()).isPositive();
	}

	@Test
	void shouldRejectTheWholeBatchNamingEachBrokenRuleByIndexAndPublishNothing() {
		// Given a batch with valid readings and three broken rules in two readings
		String station = newStation();
		List<Map<String, Object>> batch = new ArrayList<>();
		batch.add(reading(station, minutesAgo(3)));
		batch.add(reading(station, minutesAgo(2)));
		batch.get(1).put("temperatureCelsius", 60.1);
		batch.add(reading(station, minutesAgo(1)));
		batch.add(reading("station 4", NOW.plus(Duration.ofMinutes(6))));
		batch.add(reading(station, NOW));

		// When
		MvcTestResult result = post(mvc, BATCH, json.writeValueAsString(batch), WRITE);

		// Then
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactly("[1].temperatureCelsius", "[3].observedAt", "[3].stationId");
		assertThat(result).bodyJson().extractingPath("$.errors[*].rule").asArray()
			.containsExactly("DecimalMax", "PastOrPresent", "Pattern");
		assertThat(result).bodyJson().extractingPath("$.detail")
			.isEqualTo("2 of 5 readings are invalid; none of the batch was accepted");
		assertNothingPublishedFor(station);
	}

	@Test
	void shouldNameAReadingThatDoesNotParseByItsIndex() {
		List<Map<String, Object>> batch = List.of(reading(newStation(), NOW), reading(newStation(), NOW));
		batch.get(1).put("observedAt", "yesterday");

		MvcTestResult result = post(mvc, BATCH, json.writeValueAsString(batch), WRITE);

		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("[1].observedAt");
	}

	@Test
	void shouldNameANullReadingByItsIndex() {
		MvcTestResult result = post(mvc, BATCH, "[" + json.writeValueAsString(reading(newStation(), NOW)) + ",null]",
				WRITE);

		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("[1]");
		assertThat(result).bodyJson().extractingPath("$.errors[0].rule").isEqualTo("NotNull");
	}

	@Test
	void shouldRefuseMoreThanAThousandReadingsWith413AndPublishNothing() {
		// Given 1,001 valid readings
		String station = newStation();
		List<Map<String, Object>> batch = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			batch.add(reading(station, NOW.minusSeconds(i + 10)));
		}

		// When
		MvcTestResult result = post(mvc, BATCH, json.writeValueAsString(batch), WRITE);

		// Then
		assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.maxReadings").isEqualTo(1000);
		assertNothingPublishedFor(station);
	}

	@Test
	void shouldRefuseAHugeArrayWhileReadingItWithoutReadingTheRest() {
		// Given: just under 2 MB of 690,000 empty objects, an array the size limit lets through
		String body = "[" + "{},".repeat(689_999) + "{}]";
		assertThat(body.length()).isLessThan(2 * 1024 * 1024);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		post(mvc, BATCH, "[" + "{},".repeat(1000) + "{}]", WRITE); // warmed up

		// When (MockMvc handles the request on this thread, so this thread's allocations are the request's)
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long start = System.nanoTime();
		MvcTestResult result = post(mvc, BATCH, body, WRITE);
		long millis = (System.nanoTime() - start) / 1_000_000;
		long allocatedMiB = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / (1024 * 1024);

		// Then: refused after the 1,001st item, not after turning 690,000 into objects
		System.out.printf("690,000 {} in a batch: answered in %d ms, %d MiB allocated%n", millis, allocatedMiB);
		assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.maxReadings").isEqualTo(1000);
		assertThat(allocatedMiB).as("MiB allocated while answering").isLessThan(24);
	}

	@Test
	void shouldAcceptExactlyAThousandReadings() {
		String station = newStation();
		List<Map<String, Object>> batch = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			batch.add(reading(station, NOW.minusSeconds(i + 10)));
		}

		assertThat(post(mvc, BATCH, json.writeValueAsString(batch), WRITE)).hasStatus(202)
			.bodyJson()
			.extractingPath("$.accepted")
			.isEqualTo(1000);
	}

	@Test
	void shouldRefuseABodyOverTwoMebibytesWith413() {
		// Given a body one byte over the limit (whitespace is valid JSON, so only its size is wrong)
		String reading = json.writeValueAsString(reading(newStation(), NOW));
		String body = "[" + reading + " ".repeat(2 * 1024 * 1024 - reading.length() - 1) + "]";
		assertThat(body).hasSize(2 * 1024 * 1024 + 1);

		// When
		MvcTestResult result = post(mvc, BATCH, body, WRITE);

		// Then
		assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.maxBytes").isEqualTo(2 * 1024 * 1024);
	}

	@Test
	void shouldAcceptAnEmptyBatch() {
		assertThat(post(mvc, BATCH, "[]", WRITE)).hasStatus(202)
			.bodyJson()
			.isEqualTo("{\"accepted\":0,\"ids\":[]}");
	}

	@Test
	void shouldRequireATokenWithScopeWeatherWrite() {
		String station = newStation();
		String body = json.writeValueAsString(List.of(reading(station, minutesAgo(5))));

		assertThat(mvc.post().uri(BATCH).contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(post(mvc, BATCH, body, "users:write")).hasStatus(403)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertNothingPublishedFor(station);
	}

	/**
	 * Sends one more reading of the station and waits for it: had anything of the station been sent before, it would
	 * be ahead of it on the same partition (same key, one producer).
	 */
	private void assertNothingPublishedFor(String station) {
		Instant sentinel = NOW.minusSeconds(1);
		assertThat(post(mvc, SINGLE, json.writeValueAsString(reading(station, sentinel)), WRITE)).hasStatus(202);
		assertThat(topic.awaitRecordsOf(station, 1)).extracting(record -> header(record, "ce_time"))
			.containsExactly(sentinel.toString());
	}

	private static Instant minutesAgo(int minutes) {
		return NOW.minus(Duration.ofMinutes(minutes));
	}
}
