package io.eventplatform.analytics.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.InvalidEventException;

/**
 * The event times the topology accepts: from {@link #EARLIEST} (the contract's lower bound) to a day ahead of the
 * service's clock. An event outside them (a station with a broken clock writing to its topic directly) could not be
 * placed in a window, and a far-future one would move stream time so far that every later event were dropped as
 * late; it is refused like a record that does not parse, and so goes to the dead-letter topic.
 */
public final class EventTimeBounds {

	/** The contract's earliest event time; the ingest services refuse anything earlier. */
	public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	/** Beyond it {@link Instant#toEpochMilli()} and window arithmetic would overflow. */
	static final Instant LATEST_REPRESENTABLE = Instant.ofEpochMilli(Long.MAX_VALUE / 2);

	/** More than the ingest services allow (minutes), so only a broken clock is refused. */
	public static final Duration MAX_AHEAD = Duration.ofDays(1);

	private final Clock clock;

	public EventTimeBounds(Clock clock) {
		this.clock = clock;
	}

	/** @throws InvalidEventException if the event's time lies outside the bounds */
	void requireWithin(EventEnvelope<?> event) {
		Instant time = EventTimeExtractor.eventTime(event);
		if (time == null || time.isBefore(EARLIEST)) {
			throw new InvalidEventException("Event %s has event time %s, before %s".formatted(event.id(), time,
					EARLIEST));
		}
		Instant latest = clock.instant().plus(MAX_AHEAD);
		if (time.isAfter(latest)) {
			throw new InvalidEventException("Event %s has event time %s, more than %s ahead of the clock (%s)"
				.formatted(event.id(), time, MAX_AHEAD, latest.minus(MAX_AHEAD)));
		}
	}
}
