package io.eventplatform.analytics.weather;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.eventplatform.analytics.streams.EventSerde;
import io.eventplatform.analytics.streams.InputStreams;
import io.eventplatform.analytics.streams.JsonSerde;
import io.eventplatform.analytics.streams.WindowProperties;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.weather.WeatherAlertRaised;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/** Hourly statistics and the latest reading per station, and the weather rules writing to {@code weather.alerts}. */
@Component
class WeatherTopology {

	static final String HOURLY_STORE = "weather-station-hourly";

	static final String LATEST_STORE = "weather-station-latest";

	static final String WATCH_STORE = "weather-station-watch";

	static final String RECENT_ALERTS_STORE = "weather-recent-alerts";

	/** All recent alerts live under this one key, so one instance answers for all of them. */
	static final String RECENT_ALERTS_KEY = "recent";

	static final Duration HOUR = Duration.ofHours(1);

	private final WeatherProperties properties;

	private final WindowProperties windows;

	WeatherTopology(WeatherProperties properties, WindowProperties windows) {
		this.properties = properties;
		this.windows = windows;
	}

	@Autowired
	void build(InputStreams inputs) {
		var readingEvents = EventSerde.of(WeatherReadingRecorded.class);
		var alertEvents = EventSerde.of(WeatherAlertRaised.class);
		KStream<String, EventEnvelope<WeatherReadingRecorded>> readings = inputs.weatherReadings();

		readings.groupByKey(Grouped.with("weather-by-station", Serdes.String(), readingEvents))
			.windowedBy(TimeWindows.ofSizeAndGrace(HOUR, properties.grace()))
			.aggregate(StationHour::empty, (station, event, hour) -> hour.add(event.data()),
					Materialized.<String, StationHour, WindowStore<Bytes, byte[]>>as(HOURLY_STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(WeatherSerdes.hour())
						.withRetention(max(windows.retention(), HOUR.plus(properties.grace()))));

		readings.mapValues(EventEnvelope::data)
			.groupByKey(Grouped.with("weather-latest", Serdes.String(), WeatherSerdes.reading()))
			// By observed-at: a late reading does not replace a newer one.
			.reduce((latest, next) -> next.observedAt().isBefore(latest.observedAt()) ? latest : next,
					Materialized.<String, WeatherReadingRecorded, KeyValueStore<Bytes, byte[]>>as(LATEST_STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(WeatherSerdes.reading()));

		inputs.builder()
			// Cached like the DSL's stores: updates of one key within a commit reach RocksDB and the changelog once.
			.addStateStore(Stores
				.keyValueStoreBuilder(Stores.persistentKeyValueStore(WATCH_STORE), Serdes.String(),
						WeatherSerdes.watch())
				.withCachingEnabled());
		KStream<String, EventEnvelope<WeatherAlertRaised>> alerts = readings
			.process(() -> new WeatherWatch(properties, WATCH_STORE), Named.as("weather-rules"), WATCH_STORE);
		alerts.to(Topics.WEATHER_ALERTS.name(), Produced.with(Serdes.String(), alertEvents).withName("write-weather-alerts"));
		alerts.groupBy((station, alert) -> RECENT_ALERTS_KEY, Grouped.with("weather-alerts-recent", Serdes.String(), alertEvents))
			.aggregate(RecentWeatherAlerts::none, (key, alert, recent) -> recent.add(alert),
					Materialized.<String, RecentWeatherAlerts, KeyValueStore<Bytes, byte[]>>as(RECENT_ALERTS_STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(JsonSerde.of(RecentWeatherAlerts.class)));
	}

	static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}
}
