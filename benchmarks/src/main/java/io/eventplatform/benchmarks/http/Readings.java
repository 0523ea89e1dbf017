package io.eventplatform.benchmarks.http;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import io.eventplatform.local.demo.ReadingJson;

/**
 * Request bodies of valid weather readings, as a station sends them: a few hundred stations, observed-at times just
 * behind the present (so the analytics windows take them as current, not late).
 */
public final class Readings {

	private static final int STATIONS = 200;

	private Readings() {
	}

	/** One reading of {@code station} at {@code observedAt}. */
	public static String reading(String station, Instant observedAt, int sequence) {
		return ReadingJson.of(station, observedAt, 5 + (sequence % 200) / 10.0, 40 + sequence % 50,
				990 + (sequence % 400) / 10.0);
	}

	/** {@code count} single-reading bodies with distinct stations and observed-at times, from just before now. */
	public static List<String> singles(int count, Clock clock) {
		Instant base = clock.instant().minus(2, ChronoUnit.MINUTES);
		List<String> bodies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			bodies.add(reading(station(i), base.plusMillis(i), i));
		}
		return bodies;
	}

	/** {@code count} JSON arrays of {@code size} readings each, every reading distinct. */
	public static List<String> batches(int count, int size, Clock clock) {
		Instant base = clock.instant().minus(2, ChronoUnit.MINUTES);
		List<String> bodies = new ArrayList<>(count);
		for (int b = 0; b < count; b++) {
			StringJoiner batch = new StringJoiner(",", "[", "]");
			for (int i = 0; i < size; i++) {
				int sequence = b * size + i;
				batch.add(reading(station(sequence), base.plusMillis(sequence), sequence));
			}
			bodies.add(batch.toString());
		}
		return bodies;
	}

	static String station(int sequence) {
		return String.format(Locale.ROOT, "bench-station-%03d", sequence % STATIONS);
	}

}
