package io.eventplatform.analytics.weather;

import static io.eventplatform.analytics.streams.TopologyFixture.reading;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;



import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventplatform.analytics.streams.TopologyFixture;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.kafka.InvalidEventException;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/**
 * A reading the topology cannot place or process, as a station writing to the topic directly could send it, goes to
 * {@code weather.readings-dlt} with its original bytes and the cause in spring-kafka's headers, and the next reading
 * is aggregated: the stream thread never dies on it.
 */
class PoisonedReadingsTests {

	static final Instant TEN = Instant.parse("2026-11-21T10:00:00Z");

	private TopologyFixture topology;

	@AfterEach
	void stop() {
		topology.close();
	}

	@Test
	void shouldDeadLetterAReadingFromYearMinus300000000AndAggregateTheNextOne() {
		givenTheWeatherTopology();
		EventEnvelope<WeatherReadingRecorded> poisoned = reading("s1", Instant.parse("-300000000-01-01T00:00:00Z"),
				10, 50);
		RecordHeaders headers = new RecordHeaders();
		byte[] bytes = new EventSerializer().serialize("weather.readings", headers, poisoned);

		topology.driver()
			.createInputTopic("weather.readings", new StringSerializer(),
					new org.apache.kafka.common.serialization.ByteArraySerializer())
			.pipeInput(new org.apache.kafka.streams.test.TestRecord<>("s1", bytes, headers, TEN));
		topology.send(reading("s1", TEN.plusSeconds(60), 12, 60));

		assertThat(topology.deadLetters()).singleElement().satisfies(deadLetter -> {
			assertThat(deadLetter.topic()).isEqualTo("weather.readings-dlt");
			assertThat(deadLetter.value()).isEqualTo(bytes);
			assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).isEqualTo(InvalidEventException.class.getName());
			assertThat((String) header(deadLetter, "kafka_dlt-exception-message")).contains("-300000000-01-01T00:00:00Z");
			assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo("weather.readings");
			assertThat(header(deadLetter, "ce_id")).isEqualTo(poisoned.id());
		});
		assertThat(topology.deadLettered("weather.readings")).isEqualTo(1);
		assertThat(hourlyCount("s1")).isEqualTo(1);
	}

	@Test
	void shouldDeadLetterAReadingMoreThanADayAheadOfTheClock() {
		givenTheWeatherTopology();

		topology.send(reading("s1", TEN.plus(Duration.ofDays(1)).plusSeconds(1), 10, 50));
		topology.send(reading("s1", TEN.plus(Duration.ofDays(1)), 11, 50));
		topology.send(reading("s1", Instant.parse("1999-12-31T23:59:59Z"), 12, 50));

		assertThat(topology.deadLetters()).hasSize(2)
			.allSatisfy(deadLetter -> assertThat(deadLetter.topic()).isEqualTo("weather.readings-dlt"));
		assertThat(hourlyCount("s1", TEN.plus(Duration.ofDays(1)))).isEqualTo(1);
	}

	@Test
	void shouldDeadLetterAReadingOnWhichAProcessorThrowsAndProcessTheNextOne() {
		topology = new TopologyFixture(TEN, clock(), inputs -> {
			inputs.weatherReadings().peek((station, reading) -> {
				if (reading.data().temperatureCelsius() == 13.0) {
					throw new IllegalStateException("a rule that cannot cope");
				}
			});
			new WeatherTopology(WeatherTopologyTests.PROPERTIES, TopologyFixture.WINDOWS).build(inputs);
		});
		EventEnvelope<WeatherReadingRecorded> failing = reading("s1", TEN.plusSeconds(30), 13, 50);

		topology.send(failing);
		topology.send(reading("s1", TEN.plusSeconds(60), 12, 60));

		assertThat(topology.deadLetters()).singleElement().satisfies(deadLetter -> {
			assertThat(deadLetter.topic()).isEqualTo("weather.readings-dlt");
			assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).contains("\"temperatureCelsius\":13.0");
			assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).isEqualTo(IllegalStateException.class.getName());
			assertThat(header(deadLetter, "kafka_dlt-exception-message")).isEqualTo("a rule that cannot cope");
			assertThat(header(deadLetter, "kafka_dlt-original-offset")).isEqualTo(0L);
		});
		// Only the processor that threw skipped it: its sibling, the hourly aggregate, counted it, and the next one.
		assertThat(hourlyCount("s1")).isEqualTo(2);
	}

	private void givenTheWeatherTopology() {
		topology = new TopologyFixture(TEN, clock(),
				inputs -> new WeatherTopology(WeatherTopologyTests.PROPERTIES, TopologyFixture.WINDOWS).build(inputs));
	}

	private static Clock clock() {
		return Clock.fixed(TEN, ZoneOffset.UTC);
	}

	private long hourlyCount(String station) {
		return hourlyCount(station, TEN);
	}

	private long hourlyCount(String station, Instant hour) {
		WindowStore<String, StationHour> store = topology.driver().getWindowStore(WeatherTopology.HOURLY_STORE);
		StationHour statistics = store.fetch(station, hour.toEpochMilli());
		return statistics == null ? 0 : statistics.count();
	}

	private static Object header(ProducerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as(name).isNotNull();
		byte[] value = header.value();
		if (name.endsWith("-offset")) {
			return java.nio.ByteBuffer.wrap(value).getLong();
		}
		return new String(value, StandardCharsets.UTF_8);
	}

}
