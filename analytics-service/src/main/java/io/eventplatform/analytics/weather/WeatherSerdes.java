package io.eventplatform.analytics.weather;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.serialization.Serde;

import io.eventplatform.analytics.streams.CompactSerde;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/** The weather stores' values that every reading reads and writes back, in the {@link CompactSerde compact} form. */
final class WeatherSerdes {

	private WeatherSerdes() {
	}

	static Serde<StationHour> hour() {
		return CompactSerde.of(StationHour.class, (hour, out) -> {
			out.writeLong(hour.count());
			out.writeDouble(hour.minTemperature());
			out.writeDouble(hour.maxTemperature());
			out.writeDouble(hour.temperatureSum());
			out.writeDouble(hour.minHumidity());
			out.writeDouble(hour.maxHumidity());
			out.writeDouble(hour.humiditySum());
		}, in -> new StationHour(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
				in.readDouble(), in.readDouble()));
	}

	static Serde<WeatherReadingRecorded> reading() {
		return CompactSerde.of(WeatherReadingRecorded.class, (reading, out) -> {
			CompactSerde.writeString(reading.stationId(), out);
			CompactSerde.writeInstant(reading.observedAt(), out);
			out.writeDouble(reading.temperatureCelsius());
			out.writeDouble(reading.humidityPercent());
			out.writeBoolean(reading.pressureHpa() != null);
			if (reading.pressureHpa() != null) {
				out.writeDouble(reading.pressureHpa());
			}
		}, in -> new WeatherReadingRecorded(CompactSerde.readString(in), CompactSerde.readInstant(in), in.readDouble(),
				in.readDouble(), in.readBoolean() ? in.readDouble() : null));
	}

	static Serde<StationWatch> watch() {
		return CompactSerde.of(StationWatch.class, (watch, out) -> {
			CompactSerde.writeInstant(watch.lastObservedAt(), out);
			out.writeBoolean(watch.silenceReported());
			out.writeInt(watch.excursions().size());
			for (String rule : watch.excursions()) {
				CompactSerde.writeString(rule, out);
			}
		}, in -> {
			var lastObservedAt = CompactSerde.readInstant(in);
			boolean silenceReported = in.readBoolean();
			int count = in.readInt();
			List<String> excursions = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				excursions.add(CompactSerde.readString(in));
			}
			return new StationWatch(lastObservedAt, silenceReported, Set.copyOf(excursions));
		});
	}
}
