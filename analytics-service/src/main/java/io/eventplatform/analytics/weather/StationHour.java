package io.eventplatform.analytics.weather;

import io.eventplatform.contract.weather.WeatherReadingRecorded;

/** The running statistics of one station's readings in one window; sums rather than means, so they can be added to. */
record StationHour(long count, double minTemperature, double maxTemperature, double temperatureSum,
		double minHumidity, double maxHumidity, double humiditySum) {

	static StationHour empty() {
		return new StationHour(0, 0, 0, 0, 0, 0, 0);
	}

	StationHour add(WeatherReadingRecorded reading) {
		double temperature = reading.temperatureCelsius();
		double humidity = reading.humidityPercent();
		if (count == 0) {
			return new StationHour(1, temperature, temperature, temperature, humidity, humidity, humidity);
		}
		return new StationHour(count + 1, Math.min(minTemperature, temperature), Math.max(maxTemperature, temperature),
				temperatureSum + temperature, Math.min(minHumidity, humidity), Math.max(maxHumidity, humidity),
				humiditySum + humidity);
	}
}
