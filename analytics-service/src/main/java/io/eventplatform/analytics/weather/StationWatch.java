package io.eventplatform.analytics.weather;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the weather rules remember of a station: its newest observation, whether its current silence was reported,
 * and which limits it is beyond right now (an excursion raises one alert, not one per reading).
 */
record StationWatch(Instant lastObservedAt, boolean silenceReported, Set<String> excursions) {

	StationWatch {
		excursions = Set.copyOf(excursions);
	}

	static StationWatch first(Instant observedAt) {
		return new StationWatch(observedAt, false, Set.of());
	}

	StationWatch observed(Instant observedAt) {
		// Only a newer reading ends a silence; a late one from before it does not.
		return observedAt.isAfter(lastObservedAt) ? new StationWatch(observedAt, false, excursions) : this;
	}

	StationWatch withSilenceReported() {
		return new StationWatch(lastObservedAt, true, excursions);
	}

	StationWatch withExcursion(String rule, boolean beyond) {
		Set<String> next = new TreeSet<>(excursions);
		if (beyond) {
			next.add(rule);
		}
		else {
			next.remove(rule);
		}
		return new StationWatch(lastObservedAt, silenceReported, next);
	}
}
