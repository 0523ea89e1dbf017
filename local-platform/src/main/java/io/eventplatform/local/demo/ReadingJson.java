package io.eventplatform.local.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The JSON body of one weather reading as a station posts it, for the training workload and the benchmark. Written
 * with a format string rather than Jackson: millions of bodies are made before a benchmark round, and the format is
 * fixed.
 */
public final class ReadingJson {

	private ReadingJson() {
	}

	/** A reading with every field; {@code observedAt} to the millisecond. */
	public static String of(String station, Instant observedAt, double temperatureCelsius, int humidityPercent,
			double pressureHpa) {
		return String.format(Locale.ROOT,
				"{\"stationId\":\"%s\",\"observedAt\":\"%s\",\"temperatureCelsius\":%.1f,\"humidityPercent\":%d,"
						+ "\"pressureHpa\":%.1f}",
				station, observedAt.truncatedTo(ChronoUnit.MILLIS), temperatureCelsius, humidityPercent, pressureHpa);
	}

}
