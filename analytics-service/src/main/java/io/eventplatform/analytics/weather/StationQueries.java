package io.eventplatform.analytics.weather;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.eventplatform.analytics.streams.StateStores;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/** Reads a station's aggregates and the recent weather alerts from this instance's state stores. */
@Service
public class StationQueries {

	/** A station's latest reading and its hourly statistics, newest hour first. */
	public record Station(String stationId, @Nullable WeatherReadingRecorded latest, List<Hour> hours) {
	}

	/** The statistics of one hour (by observed-at) of one station. */
	public record Hour(Instant start, Instant end, long count, Statistics temperatureCelsius,
			Statistics humidityPercent) {
	}

	public record Statistics(double min, double max, double mean) {
	}

	public static final String STATION_STORE = WeatherTopology.HOURLY_STORE;

	public static final String RECENT_ALERTS_STORE = WeatherTopology.RECENT_ALERTS_STORE;

	public static final String RECENT_ALERTS_KEY = WeatherTopology.RECENT_ALERTS_KEY;

	private final StateStores stores;

	StationQueries(StateStores stores) {
		this.stores = stores;
	}

	/** The station's hours that started between {@code from} and {@code to}; {@code null} if it never reported. */
	public @Nullable Station station(String stationId, Instant from, Instant to) {
		WeatherReadingRecorded latest = stores.query(WeatherTopology.LATEST_STORE,
				QueryableStoreTypes.<String, WeatherReadingRecorded>keyValueStore(), store -> store.get(stationId));
		List<Hour> hours = stores.query(WeatherTopology.HOURLY_STORE,
				QueryableStoreTypes.<String, StationHour>windowStore(), store -> {
					List<Hour> found = new ArrayList<>();
					try (WindowStoreIterator<StationHour> windows = store.backwardFetch(stationId, from, to)) {
						windows.forEachRemaining((KeyValue<Long, StationHour> window) -> found
							.add(hour(window.key, window.value)));
					}
					return found;
				});
		return latest == null && hours.isEmpty() ? null : new Station(stationId, latest, hours);
	}

	public RecentWeatherAlerts recentAlerts() {
		RecentWeatherAlerts recent = stores.query(WeatherTopology.RECENT_ALERTS_STORE,
				QueryableStoreTypes.<String, RecentWeatherAlerts>keyValueStore(),
				store -> store.get(WeatherTopology.RECENT_ALERTS_KEY));
		return recent == null ? RecentWeatherAlerts.none() : recent;
	}

	private static Hour hour(long start, StationHour hour) {
		Instant begin = Instant.ofEpochMilli(start);
		return new Hour(begin, begin.plus(WeatherTopology.HOUR), hour.count(),
				new Statistics(hour.minTemperature(), hour.maxTemperature(), hour.temperatureSum() / hour.count()),
				new Statistics(hour.minHumidity(), hour.maxHumidity(), hour.humiditySum() / hour.count()));
	}
}
