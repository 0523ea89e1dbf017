package io.eventplatform.warehouse;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.eventplatform.contract.weather.WeatherReadingRecorded;

/** Table {@code weather_readings}: one row per {@link WeatherReadingRecorded}. */
@Repository
public class ReadingHistory extends WarehouseTable<WeatherReadingRecorded> {

	/** A reading as the warehouse keeps it; {@code pressureHpa} is {@code null} when the station has no barometer. */
	public record StoredReading(@JsonUnwrapped StoredEvent event, String stationId, Instant observedAt,
			double temperatureCelsius, double humidityPercent, @Nullable Double pressureHpa) {
	}

	ReadingHistory(JdbcTemplate jdbc) {
		super(jdbc, "weather_readings",
				"station_id, observed_at, temperature_celsius, humidity_percent, pressure_hpa");
	}

	@Override
	void bind(PreparedStatement statement, int first, WeatherReadingRecorded reading) throws SQLException {
		statement.setString(first, reading.stationId());
		statement.setObject(first + 1, utc(reading.observedAt()));
		statement.setDouble(first + 2, reading.temperatureCelsius());
		statement.setDouble(first + 3, reading.humidityPercent());
		if (reading.pressureHpa() == null) {
			statement.setNull(first + 4, Types.DOUBLE);
		}
		else {
			statement.setDouble(first + 4, reading.pressureHpa());
		}
	}

	/** The station's readings observed in [from, to), newest first; {@code null} leaves a bound open. */
	public HistoryPage<StoredReading> ofStation(String stationId, Instant from, Instant to, int page, int size) {
		return page("station_id = ?", List.of(stationId), "observed_at", from, to, page, size,
				(row, number) -> new StoredReading(metadata(row), row.getString("station_id"),
						instant(row, "observed_at"), row.getDouble("temperature_celsius"),
						row.getDouble("humidity_percent"), row.getObject("pressure_hpa", Double.class)));
	}
}
