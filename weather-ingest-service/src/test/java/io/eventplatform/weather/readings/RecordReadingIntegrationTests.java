package io.eventplatform.weather.readings;

import static io.eventplatform.weather.PinnedClock.NOW;
import static io.eventplatform.weather.readings.Readings.SINGLE;
import static io.eventplatform.weather.readings.Readings.expectedId;
import static io.eventplatform.weather.readings.Readings.newStation;
import static io.eventplatform.weather.readings.Readings.post;
import static io.eventplatform.weather.readings.Readings.reading;
import static io.eventplatform.weather.readings.ReadingsTopic.header;
import static io.eventplatform.weather.readings.ReadingsTopic.headers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.eventplatform.contract.kafka.EventJson;
import io.eventplatform.contract.weather.WeatherReadingRecorded;
import io.eventplatform.weather.WeatherIngestIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

@WeatherIngestIntegrationTest
class RecordReadingIntegrationTests {

	private static final String WRITE = "weather:write";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	JsonMapper json;

	ReadingsTopic topic;

	String station = newStation();

	@BeforeEach
	void openTopic() {
		topic = new ReadingsTopic(broker);
	}

	@AfterEach
	void closeTopic() {
		topic.close();
	}

	@Test
	void shouldPublishTheReadingKeyedByStationWithCloudEventsHeadersAndObservedAtAsEventTime() {
		// Given a reading observed a while ago
		Instant observedAt = NOW.minus(Duration.ofMinutes(90));

		// When
		MvcTestResult result = post(mvc, SINGLE, json.writeValueAsString(reading(station, observedAt)), WRITE);

		// Then: 202 with the event id, once the record is on the topic
		assertThat(result).hasStatus(202).bodyJson().extractingPath("$.id").isEqualTo(expectedId(station, observedAt));
		ConsumerRecord<String, byte[]> record = topic.awaitRecordsOf(station, 1).get(0);
		assertThat(record.key()).isEqualTo(station);
		assertThat(headers(record)).containsAllEntriesOf(Map.of("ce_specversion", "1.0", "ce_id",
				expectedId(station, observedAt), "ce_source", "/weather-ingest-service", "ce_type",
				"io.eventplatform.weather.WeatherReadingRecorded.v1", "ce_time", "2026-11-21T10:30:00Z",
				"content-type", "application/json"));
		assertThat(EventJson.mapper().readValue(record.value(), WeatherReadingRecorded.class))
			.isEqualTo(new WeatherReadingRecorded(station, observedAt, 7.5, 81.0, 1013.2));
		assertThat(json.readTree(record.value()).get("observedAt").asString()).isEqualTo("2026-11-21T10:30:00Z");
	}

	@Test
	void shouldGiveAReadingSentTwiceTheSameIdSoConsumersCountItOnce() {
		// Given a station that sends one reading twice (or a client retrying after a 503)
		Instant observedAt = NOW.minus(Duration.ofMinutes(10));
		String body = json.writeValueAsString(reading(station, observedAt));

		// When
		MvcTestResult first = post(mvc, SINGLE, body, WRITE);
		MvcTestResult second = post(mvc, SINGLE, body, WRITE);

		// Then
		assertThat(first).hasStatus(202).bodyJson().extractingPath("$.id").isEqualTo(expectedId(station, observedAt));
		assertThat(second).hasStatus(202).bodyJson().extractingPath("$.id").isEqualTo(expectedId(station, observedAt));
		List<ConsumerRecord<String, byte[]>> records = topic.awaitRecordsOf(station, 2);
		assertThat(records).extracting(record -> header(record, "ce_id"))
			.containsExactly(expectedId(station, observedAt), expectedId(station, observedAt));
	}

	@Test
	void shouldGiveTheSameInstantWrittenWithAnOffsetTheSameId() {
		// When the same instant arrives once in UTC and once with an offset
		MvcTestResult utc = post(mvc, SINGLE, """
				{"stationId":"%s","observedAt":"2026-11-21T11:00:00Z","temperatureCelsius":1,"humidityPercent":2}"""
			.formatted(station), WRITE);
		MvcTestResult offset = post(mvc, SINGLE, """
				{"stationId":"%s","observedAt":"2026-11-21T12:00:00+01:00","temperatureCelsius":1,"humidityPercent":2}"""
			.formatted(station), WRITE);

		// Then
		String id = expectedId(station, Instant.parse("2026-11-21T11:00:00Z"));
		assertThat(utc).hasStatus(202).bodyJson().extractingPath("$.id").isEqualTo(id);
		assertThat(offset).hasStatus(202).bodyJson().extractingPath("$.id").isEqualTo(id);
	}

	@ParameterizedTest(name = "{0} = {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			temperatureCelsius | -90    | accepted
			temperatureCelsius | -90.1  | DecimalMin
			temperatureCelsius | 60     | accepted
			temperatureCelsius | 60.1   | DecimalMax
			humidityPercent    | 0      | accepted
			humidityPercent    | -0.1   | DecimalMin
			humidityPercent    | 100    | accepted
			humidityPercent    | 100.1  | DecimalMax
			pressureHpa        | 300    | accepted
			pressureHpa        | 299.9  | DecimalMin
			pressureHpa        | 1100   | accepted
			pressureHpa        | 1100.1 | DecimalMax
			""")
	void shouldCheckEachMeasurementAtItsBoundaries(String field, double value, String outcome) {
		Map<String, Object> reading = reading(station, NOW);
		reading.put(field, value);

		assertOutcome(post(mvc, SINGLE, json.writeValueAsString(reading), WRITE), field, outcome);
	}

	@ParameterizedTest(name = "observedAt now {0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			+PT4M59S | accepted
			+PT5M    | accepted
			+PT5M1S  | PastOrPresent
			+PT1H    | PastOrPresent
			-P1D     | accepted
			-P30D    | accepted
			""")
	void shouldAcceptLateReadingsButNoneMoreThanFiveMinutesAhead(String offsetFromNow, String outcome) {
		Instant observedAt = NOW.plus(Duration.parse(offsetFromNow));

		MvcTestResult result = post(mvc, SINGLE, json.writeValueAsString(reading(station, observedAt)), WRITE);

		assertOutcome(result, "observedAt", outcome);
		if (!outcome.equals("accepted")) {
			assertThat(result).bodyJson().extractingPath("$.errors[0].message")
				.isEqualTo("must be a date in the past or in the present");
		}
	}

	@ParameterizedTest(name = "observedAt {0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			-300000000-01-01T00:00:00Z | NotBefore
			1999-12-31T23:59:59.999Z   | NotBefore
			2000-01-01T00:00:00Z       | accepted
			""")
	void shouldRefuseAnObservedAtBefore2000ThatNoConsumerCouldPlace(String observedAt, String outcome) {
		Map<String, Object> reading = reading(station, NOW);
		reading.put("observedAt", observedAt);

		MvcTestResult result = post(mvc, SINGLE, json.writeValueAsString(reading), WRITE);

		assertOutcome(result, "observedAt", outcome);
		if (!outcome.equals("accepted")) {
			assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson().extractingPath("$.errors[0].message")
				.isEqualTo("must not be before 2000-01-01T00:00:00Z");
		}
	}

	@ParameterizedTest(name = "stationId \"{0}\": {1}")
	@CsvSource(textBlock = """
			a,                                                                 accepted
			Station_1.north-EAST,                                              accepted
			x234567890123456789012345678901234567890123456789012345678901234,  accepted
			x2345678901234567890123456789012345678901234567890123456789012345, Size
			'',                                                                Size
			station 1,                                                         Pattern
			station/1,                                                         Pattern
			station|1,                                                         Pattern
			stätion,                                                           Pattern
			""")
	void shouldAcceptOnlyStationIdsOfOneTo64SafeCharacters(String stationId, String outcome) {
		MvcTestResult result = post(mvc, SINGLE, json.writeValueAsString(reading(stationId, NOW)), WRITE);

		assertOutcome(result, "stationId", outcome);
	}

	@ParameterizedTest
	@ValueSource(strings = { "stationId", "observedAt", "temperatureCelsius", "humidityPercent" })
	void shouldRequireEverythingButPressure(String field) {
		Map<String, Object> reading = reading(station, NOW);
		reading.remove(field);

		assertOutcome(post(mvc, SINGLE, json.writeValueAsString(reading), WRITE), field, "NotNull");
	}

	@Test
	void shouldAcceptAReadingWithoutPressure() {
		Map<String, Object> reading = reading(station, NOW);
		reading.remove("pressureHpa");

		assertThat(post(mvc, SINGLE, json.writeValueAsString(reading), WRITE)).hasStatus(202);
		assertThat(EventJson.mapper()
			.readValue(topic.awaitRecordsOf(station, 1).get(0).value(), WeatherReadingRecorded.class)
			.pressureHpa()).isNull();
	}

	@Test
	void shouldNameEveryBrokenRuleAtOnce() {
		MvcTestResult result = post(mvc, SINGLE, """
				{"stationId":"","observedAt":"2026-11-22T12:00:00Z","temperatureCelsius":99,"humidityPercent":-1}""",
				WRITE);

		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactly("humidityPercent", "observedAt", "stationId", "temperatureCelsius");
		assertThat(result).bodyJson().extractingPath("$.errors[*].rule").asArray()
			.containsExactly("DecimalMin", "PastOrPresent", "Size", "DecimalMax");
	}

	@Test
	void shouldAnswerABodyThatIsNotJsonWithAProblem() {
		assertThat(post(mvc, SINGLE, "{\"stationId\":", WRITE)).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void shouldRequireATokenWithScopeWeatherWriteAndPublishNothingWithout() {
		// Given
		String body = json.writeValueAsString(reading(station, NOW.minusSeconds(60)));

		// When / Then
		assertThat(mvc.post().uri(SINGLE).contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(post(mvc, SINGLE, body, "users:write")).hasStatus(403)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

		// And: a later reading of the station is the first on its partition
		Instant sentinel = NOW.minusSeconds(30);
		assertThat(post(mvc, SINGLE, json.writeValueAsString(reading(station, sentinel)), WRITE)).hasStatus(202);
		assertThat(topic.awaitRecordsOf(station, 1)).extracting(record -> header(record, "ce_time"))
			.containsExactly(sentinel.toString());
	}

	private void assertOutcome(MvcTestResult result, String field, String outcome) {
		if (outcome.equals("accepted")) {
			assertThat(result).hasStatus(202);
			return;
		}
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
		assertThat(result).bodyJson().extractingPath("$.errors[*].rule").asArray().containsExactly(outcome);
	}
}
