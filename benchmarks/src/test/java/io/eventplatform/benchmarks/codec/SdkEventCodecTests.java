package io.eventplatform.benchmarks.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.EventDeserializer;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.kafka.InvalidEventException;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/**
 * The SDK codec that {@code benchmarks/run.sh codec} measures does what event-contract's does, and the SDK alone
 * would not: the facts behind keeping the hand-written codec (event-contract's README).
 */
class SdkEventCodecTests {

	private static final Instant OBSERVED_AT = Instant.parse("2026-11-21T10:15:30.120Z");

	private static final EventEnvelope<WeatherReadingRecorded> EVENT = new EventEnvelope<>("evt-1",
			URI.create("/weather-ingest-service"), OBSERVED_AT,
			new WeatherReadingRecorded("ST-1", OBSERVED_AT, 3.5, 91.0, null));

	private final SdkEventCodec sdk = new SdkEventCodec();

	@Test
	void shouldWriteTheSameHeadersAndDataAsTheContractButForTheFormOfTheTime() {
		Headers own = new RecordHeaders();
		Headers viaSdk = new RecordHeaders();

		byte[] ownData = new EventSerializer().serialize(CodecBenchmark.TOPIC, own, EVENT);
		byte[] sdkData = sdk.serialize(CodecBenchmark.TOPIC, viaSdk, EVENT);

		assertThat(sdkData).isEqualTo(ownData);
		for (Header header : own) {
			String expected = header.key().equals("ce_time") ? "2026-11-21T10:15:30.12Z" : value(header);
			assertThat(value(viaSdk.lastHeader(header.key()))).as(header.key()).isEqualTo(expected);
		}
		assertThat(value(own.lastHeader("ce_time"))).isEqualTo("2026-11-21T10:15:30.120Z");
		assertThat(viaSdk.toArray()).hasSameSizeAs(own.toArray());
	}

	@Test
	void shouldReadWhatTheContractWritesIntoTheSameEvent() {
		Headers headers = new RecordHeaders();
		byte[] data = new EventSerializer().serialize(CodecBenchmark.TOPIC, headers, EVENT);

		assertThat(sdk.deserialize(CodecBenchmark.TOPIC, headers, data)).isEqualTo(EVENT);
		assertThat(new EventDeserializer().deserialize(CodecBenchmark.TOPIC, headers, data)).isEqualTo(EVENT);
	}

	@Test
	void shouldKeepTheContractsChecksWhichTheSdkAloneDoesNotMake() {
		Headers headers = new RecordHeaders();
		byte[] data = new EventSerializer().serialize(CodecBenchmark.TOPIC, headers, EVENT);
		headers.remove("ce_specversion");
		headers.add("ce_specversion", bytes("0.3"));

		CloudEvent acceptedBySdk = KafkaMessageFactory.createReader(headers, data).toEvent();

		assertThat(acceptedBySdk.getSpecVersion()).isEqualTo(SpecVersion.V03);
		assertThatThrownBy(() -> sdk.deserialize(CodecBenchmark.TOPIC, headers, data))
			.isInstanceOf(InvalidEventException.class)
			.hasMessage("ce_specversion must be 1.0 but was '0.3'");
	}

	@Test
	void shouldShowThatTheSdkRefusesARecordTheContractAcceptsWithAnExtensionHeaderItCannotName() {
		Headers headers = new RecordHeaders();
		byte[] data = new EventSerializer().serialize(CodecBenchmark.TOPIC, headers, EVENT);
		headers.add("ce_station-firmware", bytes("2.1"));

		assertThat(new EventDeserializer().deserialize(CodecBenchmark.TOPIC, headers, data)).isEqualTo(EVENT);
		assertThatThrownBy(() -> KafkaMessageFactory.createReader(headers, data).toEvent())
			.isInstanceOf(CloudEventRWException.class);
	}

	private static String value(Header header) {
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
