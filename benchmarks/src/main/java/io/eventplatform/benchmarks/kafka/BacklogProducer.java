package io.eventplatform.benchmarks.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/**
 * Writes weather readings straight to {@code weather.readings}, as stations that write directly do: CloudEvents
 * headers and JSON body through the contract's own serializer, the id derived from station and observed-at as
 * weather-ingest-service derives it, so the consumers treat them exactly like readings that came over HTTP.
 */
public final class BacklogProducer {

	private static final URI SOURCE = URI.create("/benchmarks");

	private static final int STATIONS = 500;

	private BacklogProducer() {
	}

	/** Sends {@code count} readings and returns once the broker acknowledged all of them. */
	public static void produce(String bootstrapServers, long count, Clock clock) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 131072,
				ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
		// Observed in the last quarter hour, one millisecond apart: current for the analytics windows, never ahead.
		Instant base = clock.instant().minus(15, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		String run = Long.toString(clock.millis() % 100000, 36);
		try (KafkaProducer<String, EventEnvelope<?>> producer = new KafkaProducer<>(config, new StringSerializer(),
				new EventSerializer())) {
			for (long i = 0; i < count; i++) {
				String station = "backlog-" + run + "-" + (i % STATIONS);
				Instant observedAt = base.plusMillis(i / STATIONS);
				WeatherReadingRecorded reading = new WeatherReadingRecorded(station, observedAt,
						5 + (i % 200) / 10.0, 40 + i % 50, 990 + (i % 400) / 10.0);
				EventEnvelope<WeatherReadingRecorded> event = new EventEnvelope<>(id(station, observedAt), SOURCE,
						observedAt, reading);
				producer.send(new ProducerRecord<>(Topics.WEATHER_READINGS.name(), station, event));
			}
			producer.flush();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not write the backlog", ex);
		}
	}

	/** weather-ingest-service's reading id: a name-based UUID of {@code <stationId>|<observedAt>}. */
	static String id(String station, Instant observedAt) {
		return UUID.nameUUIDFromBytes((station + "|" + observedAt).getBytes(StandardCharsets.UTF_8)).toString();
	}


}
