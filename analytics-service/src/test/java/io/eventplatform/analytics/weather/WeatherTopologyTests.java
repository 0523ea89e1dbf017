package io.eventplatform.analytics.weather;

import static io.eventplatform.analytics.streams.TopologyFixture.reading;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventplatform.analytics.streams.AnalyticsEvents;
import io.eventplatform.analytics.streams.TopologyFixture;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.weather.WeatherAlertRaised;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

class WeatherTopologyTests {

	static final Instant TEN = Instant.parse("2026-11-21T10:00:00Z");

	static final WeatherProperties PROPERTIES = new WeatherProperties(Duration.ofMinutes(10), -20, 40, 10, 95,
			Duration.ofHours(1), Map.of("fast", Duration.ofMinutes(5)), Duration.ofMinutes(1));

	private TopologyFixture topology;

	@BeforeEach
	void start() {
		topology = new TopologyFixture(TEN,
				inputs -> new WeatherTopology(PROPERTIES, TopologyFixture.WINDOWS).build(inputs));
	}

	@AfterEach
	void stop() {
		topology.close();
	}

	@Test
	void shouldComputeHourlyStatisticsPerStationByObservedAt() {
		topology.send(reading("s1", TEN.plusSeconds(60), 10, 50));
		topology.send(reading("s1", TEN.plusSeconds(1800), 14, 70));
		topology.send(reading("s1", TEN.plus(Duration.ofHours(1)).minusMillis(1), 12, 60));
		topology.send(reading("s1", TEN.plus(Duration.ofHours(1)), 20, 40));
		topology.send(reading("s2", TEN.plusSeconds(60), -5, 90));

		assertThat(hours("s1")).containsExactly(KeyValue.pair(TEN, new StationHour(3, 10, 14, 36, 50, 70, 180)),
				KeyValue.pair(TEN.plus(Duration.ofHours(1)), new StationHour(1, 20, 20, 20, 40, 40, 40)));
		assertThat(hours("s2")).containsExactly(KeyValue.pair(TEN, new StationHour(1, -5, -5, -5, 90, 90, 90)));
	}

	@Test
	void shouldPlaceReadingsByObservedAtNotByTheTimeTheyWereSent() {
		topology.send(reading("s1", TEN.plusSeconds(3540), 10, 50), TEN.plus(Duration.ofHours(2)));

		assertThat(hours("s1")).extracting(window -> window.key).containsExactly(TEN);
	}

	@Test
	void shouldCountALateReadingWithinTheGracePeriod() {
		topology.send(reading("s1", TEN.plusSeconds(60), 10, 50));
		// Stream time moves just short of the end of the 10:00 hour plus its 10 minutes of grace.
		topology.send(reading("s1", Instant.parse("2026-11-21T11:09:59.999Z"), 10, 50));
		topology.send(reading("s1", TEN.plusSeconds(3000), 16, 50));

		assertThat(hours("s1").get(0).value.count()).isEqualTo(2);
		assertThat(hours("s1").get(0).value.maxTemperature()).isEqualTo(16);
	}

	@Test
	void shouldDropAReadingThatArrivesAfterTheGracePeriod() {
		topology.send(reading("s1", TEN.plusSeconds(60), 10, 50));
		topology.send(reading("s1", Instant.parse("2026-11-21T11:10:00Z"), 10, 50));
		topology.send(reading("s1", TEN.plusSeconds(3000), 16, 50));

		assertThat(hours("s1").get(0).value.count()).isEqualTo(1);
		assertThat(hours("s1").get(0).value.maxTemperature()).isEqualTo(10);
	}

	@Test
	void shouldCountAReadingSentTwiceOnce() {
		EventEnvelope<WeatherReadingRecorded> reading = reading("s1", TEN.plusSeconds(60), 10, 50);
		topology.send(reading);
		topology.send(reading);

		assertThat(hours("s1").get(0).value.count()).isEqualTo(1);
	}

	@Test
	void shouldKeepTheNewestReadingAsTheLatestWhateverTheOrderOfArrival() {
		topology.send(reading("s1", TEN.plusSeconds(120), 11, 50));
		topology.send(reading("s1", TEN.plusSeconds(60), 10, 50));

		KeyValueStore<String, WeatherReadingRecorded> latest = topology.driver()
			.getKeyValueStore(WeatherTopology.LATEST_STORE);
		assertThat(latest.get("s1").temperatureCelsius()).isEqualTo(11);
	}

	@Test
	void shouldNotAlertAtTheLimits() {
		topology.send(reading("s1", TEN, 40, 95));
		topology.send(reading("s1", TEN.plusSeconds(60), -20, 10));

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldRaiseOneAlertPerExcursionBeyondTheTemperatureLimits() {
		EventEnvelope<WeatherReadingRecorded> hot = reading("s1", TEN, 40.1, 50);
		topology.send(hot);
		topology.send(reading("s1", TEN.plusSeconds(60), 45, 50));
		topology.send(reading("s1", TEN.plusSeconds(120), 30, 50));
		topology.send(reading("s1", TEN.plusSeconds(180), -20.5, 50));

		List<TestRecord<String, EventEnvelope<?>>> alerts = alerts();
		assertThat(alerts).hasSize(2);
		assertThat(alerts.get(0).key()).isEqualTo("s1");
		assertThat(alerts.get(0).value().id())
			.isEqualTo(AnalyticsEvents.derived(WeatherWatch.TEMPERATURE_RULE, List.of(hot.id()), TEN, "").id());
		assertThat(alerts.get(0).value().source()).isEqualTo(AnalyticsEvents.SOURCE);
		assertThat((WeatherAlertRaised) alerts.get(0).value().data()).satisfies(alert -> {
			assertThat(alert.rule()).isEqualTo("temperature-out-of-range");
			assertThat(alert.temperatureCelsius()).isEqualTo(40.1);
			assertThat(alert.observedAt()).isEqualTo(TEN);
			assertThat(alert.explanation()).contains("40.1").contains("-20.0 to 40.0");
		});
		assertThat(((WeatherAlertRaised) alerts.get(1).value().data()).temperatureCelsius()).isEqualTo(-20.5);
	}

	@Test
	void shouldRaiseAnAlertForHumidityBeyondItsLimits() {
		topology.send(reading("s1", TEN, 20, 9.9));
		topology.send(reading("s1", TEN.plusSeconds(60), 20, 95.1));

		assertThat(alerts()).extracting(alert -> ((WeatherAlertRaised) alert.value().data()).rule())
			.containsExactly("humidity-out-of-range");
	}

	@Test
	void shouldNotAlertTwiceForAReadingSentTwice() {
		EventEnvelope<WeatherReadingRecorded> hot = reading("s1", TEN, 41, 50);
		topology.send(hot);
		topology.send(reading("s1", TEN.plusSeconds(60), 20, 50));
		topology.send(hot);

		assertThat(alerts()).hasSize(1);
	}

	@Test
	void shouldReportAStationSilentForLongerThanItsExpectedIntervalOnce() {
		topology.send(reading("s1", TEN, 20, 50));

		topology.driver().advanceWallClockTime(Duration.ofHours(1));
		assertThat(alerts()).as("silent for exactly the expected interval").isEmpty();

		topology.driver().advanceWallClockTime(Duration.ofMinutes(1));
		List<TestRecord<String, EventEnvelope<?>>> alerts = alerts();
		assertThat(alerts).hasSize(1);
		assertThat((WeatherAlertRaised) alerts.get(0).value().data()).satisfies(alert -> {
			assertThat(alert.rule()).isEqualTo("station-silent");
			assertThat(alert.observedAt()).isEqualTo(TEN);
			assertThat(alert.temperatureCelsius()).isNull();
		});

		topology.driver().advanceWallClockTime(Duration.ofMinutes(10));
		assertThat(alerts()).as("one alert per silence").isEmpty();
	}

	@Test
	void shouldReportANewSilenceAfterTheStationReportedAgain() {
		topology.send(reading("s1", TEN, 20, 50));
		topology.driver().advanceWallClockTime(Duration.ofMinutes(61));
		topology.send(reading("s1", TEN.plusSeconds(3660), 20, 50));
		topology.driver().advanceWallClockTime(Duration.ofMinutes(61));

		assertThat(alerts()).hasSize(2);
	}

	@Test
	void shouldUseAStationsOwnExpectedInterval() {
		topology.send(reading("fast", TEN, 20, 50));
		topology.send(reading("s1", TEN, 20, 50));
		topology.driver().advanceWallClockTime(Duration.ofMinutes(6));

		assertThat(alerts()).extracting(TestRecord::key).containsExactly("fast");
	}

	@Test
	void shouldKeepTheRecentAlertsNewestFirst() {
		topology.send(reading("s1", TEN, 41, 50));
		topology.send(reading("s2", TEN.plusSeconds(60), 20, 99));

		KeyValueStore<String, RecentWeatherAlerts> recent = topology.driver()
			.getKeyValueStore(WeatherTopology.RECENT_ALERTS_STORE);
		assertThat(recent.get(WeatherTopology.RECENT_ALERTS_KEY).alerts())
			.extracting(alert -> alert.alert().stationId())
			.containsExactly("s2", "s1");
	}

	private List<TestRecord<String, EventEnvelope<?>>> alerts() {
		return topology.written(Topics.WEATHER_ALERTS);
	}

	private List<KeyValue<Instant, StationHour>> hours(String station) {
		WindowStore<String, StationHour> store = topology.driver().getWindowStore(WeatherTopology.HOURLY_STORE);
		List<KeyValue<Instant, StationHour>> hours = new ArrayList<>();
		try (WindowStoreIterator<StationHour> windows = store.fetch(station, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))) {
			windows.forEachRemaining(window -> hours.add(KeyValue.pair(Instant.ofEpochMilli(window.key), window.value)));
		}
		return hours;
	}
}
