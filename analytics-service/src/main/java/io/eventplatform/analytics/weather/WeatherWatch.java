package io.eventplatform.analytics.weather;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventplatform.analytics.streams.AnalyticsEvents;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.weather.WeatherAlertRaised;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/**
 * The weather rules. Values beyond the limits raise one alert when a station goes beyond them and another only after
 * it came back within them; a station whose newest observation is older than its expected interval (checked on the
 * wall clock, since a silent station sends nothing that could advance event time) raises one alert per silence.
 */
class WeatherWatch implements Processor<String, EventEnvelope<WeatherReadingRecorded>, String, EventEnvelope<WeatherAlertRaised>> {

	static final String TEMPERATURE_RULE = "temperature-out-of-range";

	static final String HUMIDITY_RULE = "humidity-out-of-range";

	static final String SILENCE_RULE = "station-silent";

	private static final Logger log = LoggerFactory.getLogger(WeatherWatch.class);

	private final WeatherProperties properties;

	private final String storeName;

	private ProcessorContext<String, EventEnvelope<WeatherAlertRaised>> context;

	private KeyValueStore<String, StationWatch> stations;

	WeatherWatch(WeatherProperties properties, String storeName) {
		this.properties = properties;
		this.storeName = storeName;
	}

	@Override
	public void init(ProcessorContext<String, EventEnvelope<WeatherAlertRaised>> context) {
		this.context = context;
		this.stations = context.getStateStore(storeName);
		context.schedule(properties.silenceCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::reportSilentStations);
	}

	@Override
	public void process(Record<String, EventEnvelope<WeatherReadingRecorded>> record) {
		EventEnvelope<WeatherReadingRecorded> event = record.value();
		WeatherReadingRecorded reading = event.data();
		StationWatch previous = stations.get(reading.stationId());
		StationWatch watch = previous == null ? StationWatch.first(reading.observedAt())
				: previous.observed(reading.observedAt());
		double temperature = reading.temperatureCelsius();
		double humidity = reading.humidityPercent();
		watch = check(watch, event, TEMPERATURE_RULE,
				temperature < properties.minTemperature() || temperature > properties.maxTemperature(),
				() -> "Temperature %s °C is outside the limits %s to %s °C".formatted(temperature,
						properties.minTemperature(), properties.maxTemperature()));
		watch = check(watch, event, HUMIDITY_RULE,
				humidity < properties.minHumidity() || humidity > properties.maxHumidity(),
				() -> "Humidity %s %% is outside the limits %s to %s %%".formatted(humidity,
						properties.minHumidity(), properties.maxHumidity()));
		stations.put(reading.stationId(), watch);
	}

	private StationWatch check(StationWatch watch, EventEnvelope<WeatherReadingRecorded> event, String rule,
			boolean beyond, Supplier<String> explanation) {
		WeatherReadingRecorded reading = event.data();
		if (beyond && !watch.excursions().contains(rule)) {
			emit(AnalyticsEvents.derived(rule, List.of(event.id()), reading.observedAt(),
					new WeatherAlertRaised(reading.stationId(), rule, explanation.get(), reading.observedAt(),
							reading.temperatureCelsius(), reading.humidityPercent())));
		}
		return watch.withExcursion(rule, beyond);
	}

	private void reportSilentStations(long wallClockMillis) {
		Instant now = Instant.ofEpochMilli(wallClockMillis);
		try (KeyValueIterator<String, StationWatch> all = stations.all()) {
			while (all.hasNext()) {
				KeyValue<String, StationWatch> station = all.next();
				StationWatch watch = station.value;
				Duration expected = properties.expectedIntervalOf(station.key);
				Duration silentFor = Duration.between(watch.lastObservedAt(), now);
				if (!watch.silenceReported() && silentFor.compareTo(expected) > 0) {
					log.info("Station {} silent since {}", station.key, watch.lastObservedAt());
					// One silence is identified by the observation it follows, so a re-run raises the same alert.
					emit(AnalyticsEvents.derived(SILENCE_RULE, List.of(station.key + "@" + watch.lastObservedAt()),
							watch.lastObservedAt(),
							new WeatherAlertRaised(station.key, SILENCE_RULE,
									"No reading since %s, longer than the expected interval of %s"
										.formatted(watch.lastObservedAt(), expected),
									watch.lastObservedAt(), null, null)));
					stations.put(station.key, watch.withSilenceReported());
				}
			}
		}
	}

	private void emit(EventEnvelope<WeatherAlertRaised> alert) {
		context.forward(new Record<>(alert.data().stationId(), alert, alert.time().toEpochMilli(),
				new RecordHeaders()));
	}
}
