package io.eventplatform.analytics.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.Arrays;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import io.eventplatform.analytics.streams.JsonSerde;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

class WeatherSerdesTests {

	private static final Instant OBSERVED = Instant.parse("2026-11-21T10:00:00.123456789Z");

	private final StationHour hour = StationHour.empty()
		.add(new WeatherReadingRecorded("s1", OBSERVED, -3.25, 40, null))
		.add(new WeatherReadingRecorded("s1", OBSERVED, 12.5, 95.5, 1013.0));

	private final WeatherReadingRecorded reading = new WeatherReadingRecorded("station-é", OBSERVED, 21.5, 55, 998.25);

	private final WeatherReadingRecorded withoutPressure = new WeatherReadingRecorded("s2", OBSERVED, 21.5, 55, null);

	private final StationWatch watch = StationWatch.first(OBSERVED)
		.withExcursion(WeatherWatch.TEMPERATURE_RULE, true)
		.withExcursion(WeatherWatch.HUMIDITY_RULE, true)
		.withSilenceReported();

	@Test
	void shouldReadEveryValueBackAsWrittenInAFewDozenBytes() {
		assertThat(roundTrip(WeatherSerdes.hour(), hour)).isEqualTo(hour);
		assertThat(roundTrip(WeatherSerdes.reading(), reading)).isEqualTo(reading);
		assertThat(roundTrip(WeatherSerdes.reading(), withoutPressure)).isEqualTo(withoutPressure);
		assertThat(roundTrip(WeatherSerdes.watch(), watch)).isEqualTo(watch);
		assertThat(roundTrip(WeatherSerdes.watch(), StationWatch.first(OBSERVED))).isEqualTo(StationWatch.first(OBSERVED));

		byte[] hourBytes = WeatherSerdes.hour().serializer().serialize("t", hour);
		byte[] hourJson = JsonSerde.of(StationHour.class).serializer().serialize("t", hour);
		assertThat(hourBytes).hasSize(1 + 8 * 7).hasSizeLessThan(hourJson.length);
	}

	@Test
	void shouldReadTheJsonThatStoresAndChangelogsHeldBefore() {
		assertThat(fromJson(WeatherSerdes.hour(), StationHour.class, hour)).isEqualTo(hour);
		assertThat(fromJson(WeatherSerdes.reading(), WeatherReadingRecorded.class, reading)).isEqualTo(reading);
		assertThat(fromJson(WeatherSerdes.watch(), StationWatch.class, watch)).isEqualTo(watch);
	}

	@Test
	void shouldRejectAValueInAnUnknownFormatOrCutShort() {
		byte[] bytes = WeatherSerdes.hour().serializer().serialize("t", hour);
		byte[] unknown = bytes.clone();
		unknown[0] = 9;
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> WeatherSerdes.hour().deserializer().deserialize("t", unknown))
			.withMessageContaining("unknown format");
		byte[] cut = Arrays.copyOf(bytes, 20);
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> WeatherSerdes.hour().deserializer().deserialize("t", cut))
			.withMessageContaining("cut short");
		assertThat(WeatherSerdes.watch().deserializer().deserialize("t", null)).isNull();
		byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> WeatherSerdes.hour().deserializer().deserialize("t", longer))
			.withMessageContaining("3 bytes more than its fields");
		byte[] garbled = WeatherSerdes.reading().serializer().serialize("t", reading);
		garbled[1] = (byte) 0x7f;
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> WeatherSerdes.reading().deserializer().deserialize("t", garbled))
			.withMessageContaining("are left");
	}

	@Test
	void shouldKeepAStationIdOfAnyLength() {
		WeatherReadingRecorded longId = new WeatherReadingRecorded("é".repeat(40_000), OBSERVED, 1, 2, null);

		assertThat(roundTrip(WeatherSerdes.reading(), longId)).isEqualTo(longId);
	}

	private static <T> T roundTrip(Serde<T> serde, T value) {
		return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
	}

	private static <T> T fromJson(Serde<T> serde, Class<T> type, T value) {
		return serde.deserializer().deserialize("t", JsonSerde.of(type).serializer().serialize("t", value));
	}
}
