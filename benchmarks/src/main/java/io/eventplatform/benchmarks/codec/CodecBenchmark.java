package io.eventplatform.benchmarks.codec;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.CloudEventHeaders;
import io.eventplatform.contract.kafka.EventDeserializer;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/**
 * One event written and read by event-contract's codec ({@code handWritten*}) and by the CloudEvents SDK's Kafka
 * binding ({@code sdk*}). {@code write}/{@code read} are what a producer's serializer and a consumer's deserializer do
 * per record (headers and JSON data); {@code writeHeaders}/{@code readHeaders} the CloudEvents headers alone. The
 * event is a weather reading, the platform's most frequent one; the read side gets the headers as they arrive from
 * the broker, the six CloudEvents headers and W3C {@code traceparent}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

	static final String TOPIC = "weather.readings";

	private final EventSerializer serializer = new EventSerializer();

	private final EventDeserializer deserializer = new EventDeserializer();

	private final SdkEventCodec sdk = new SdkEventCodec();

	// Set by setUp, which JMH calls before any benchmark method.
	@SuppressWarnings("NullAway.Init")
	private EventEnvelope<WeatherReadingRecorded> event;

	@SuppressWarnings("NullAway.Init")
	private byte[] data;

	@SuppressWarnings("NullAway.Init")
	private Headers received;

	@Setup
	public void setUp() {
		Instant observedAt = Instant.parse("2026-11-21T10:15:30.123Z");
		event = new EventEnvelope<>("0b9e4c2e-4f7d-4d1a-9a55-3c1f2f6d8e21", URI.create("/weather-ingest-service"),
				observedAt, new WeatherReadingRecorded("ST-0042", observedAt, 3.5, 91.0, 1013.2));
		received = new RecordHeaders();
		data = Objects.requireNonNull(serializer.serialize(TOPIC, received, event));
		received.add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
			.getBytes(StandardCharsets.UTF_8));
		// Measure only codecs that agree: each reads what the other writes, into the same event.
		Headers written = new RecordHeaders();
		byte[] sdkData = sdk.serialize(TOPIC, written, event);
		if (!event.equals(deserializer.deserialize(TOPIC, written, sdkData))
				|| !event.equals(sdk.deserialize(TOPIC, received, data))) {
			throw new IllegalStateException("The two codecs disagree on " + event);
		}
	}

	@Benchmark
	public byte @Nullable [] handWrittenWrite(Blackhole blackhole) {
		Headers headers = new RecordHeaders();
		blackhole.consume(headers);
		return serializer.serialize(TOPIC, headers, event);
	}

	@Benchmark
	public byte @Nullable [] sdkWrite(Blackhole blackhole) {
		Headers headers = new RecordHeaders();
		blackhole.consume(headers);
		return sdk.serialize(TOPIC, headers, event);
	}

	@Benchmark
	public EventEnvelope<?> handWrittenRead() {
		return deserializer.deserialize(TOPIC, received, data);
	}

	@Benchmark
	public EventEnvelope<?> sdkRead() {
		return sdk.deserialize(TOPIC, received, data);
	}

	@Benchmark
	public Headers handWrittenWriteHeaders() {
		Headers headers = new RecordHeaders();
		CloudEventHeaders.write(headers, event);
		return headers;
	}

	@Benchmark
	public Headers sdkWriteHeaders(Blackhole blackhole) {
		Headers headers = new RecordHeaders();
		blackhole.consume(sdk.writeHeaders(TOPIC, headers, event, data));
		return headers;
	}

	@Benchmark
	public CloudEventHeaders.Metadata handWrittenReadHeaders() {
		return CloudEventHeaders.read(received);
	}

	@Benchmark
	public CloudEventHeaders.Metadata sdkReadHeaders() {
		return sdk.readHeaders(received, data);
	}

}
