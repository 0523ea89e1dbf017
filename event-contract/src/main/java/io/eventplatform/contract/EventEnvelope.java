package io.eventplatform.contract;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event with its metadata. On Kafka the metadata travels in CloudEvents binary-mode headers and only
 * {@link #data()} is the record value, so the payload stays pure domain data.
 *
 * @param id the event id ({@code ce_id}); consumers record it with their effect to stay idempotent
 * @param source who produced the event ({@code ce_source})
 * @param time when it happened ({@code ce_time})
 * @param data the event itself
 * @param <T> the event type
 */
public record EventEnvelope<T>(String id, URI source, Instant time, T data) {

	public EventEnvelope {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(data, "data");
	}

	/** A new event with a fresh id, happening now by {@code clock}. */
	public static <T> EventEnvelope<T> of(URI source, T data, Clock clock) {
		return new EventEnvelope<>(UUID.randomUUID().toString(), source, clock.instant(), data);
	}

	/** The topic this event belongs on. */
	public Topic<T> topic() {
		return Topics.carrying(data);
	}

	/** The record key: events with one key keep their order. */
	public String key() {
		return topic().keyOf(data);
	}

	/** The {@code ce_type} header value. */
	public String type() {
		return topic().cloudEventType();
	}
}
