package io.eventplatform.support.kafka;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import io.eventplatform.contract.EventEnvelope;

/**
 * Publishes events to the topic the contract assigns them, keyed as the contract says, with CloudEvents headers. The
 * returned future completes when the broker acknowledged the record (acks=all, idempotent producer).
 */
public class EventPublisher {

	private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

	private static final String PUBLISHED = "platform.events.published";

	private static final String PUBLISH_FAILURES = "platform.events.publish.failures";

	/** Per event type, which fixes the topic too (the contract assigns one topic per type). */
	private final Map<Class<?>, Counter> published = new ConcurrentHashMap<>();

	private final Map<Class<?>, Counter> failures = new ConcurrentHashMap<>();

	private final KafkaTemplate<String, EventEnvelope<?>> kafka;

	private final URI source;

	private final MeterRegistry meters;

	private final Clock clock;

	public EventPublisher(KafkaTemplate<String, EventEnvelope<?>> kafka, URI source, MeterRegistry meters, Clock clock) {
		this.kafka = kafka;
		this.source = source;
		this.meters = meters;
		this.clock = clock;
	}

	/** The {@code ce_source} of the events this service produces. */
	public URI source() {
		return source;
	}

	/** A new event of this service, with a fresh id, happening now. */
	public <T> EventEnvelope<T> newEvent(T data) {
		return EventEnvelope.of(source, data, clock);
	}

	/** A new event of this service, with a fresh id, that happened at {@code time}. */
	public <T> EventEnvelope<T> newEvent(T data, Instant time) {
		return new EventEnvelope<>(UUID.randomUUID().toString(), source, time, data);
	}

	/**
	 * Sends the event. Never throws: a producer that refuses at once (no broker metadata within {@code max.block.ms})
	 * and a broker that does not acknowledge both end in a failed future, counted the same way. Callers decide what a
	 * failure means (the outbox retries, weather ingest answers 503) and log it once for the whole request.
	 */
	public CompletableFuture<SendResult<String, EventEnvelope<?>>> publish(EventEnvelope<?> event) {
		CompletableFuture<SendResult<String, EventEnvelope<?>>> sent;
		try {
			sent = kafka.send(event.topic().name(), event.key(), event);
		}
		catch (RuntimeException ex) {
			sent = CompletableFuture.failedFuture(ex);
		}
		return sent.whenComplete((result, failure) -> {
			counter(failure == null ? PUBLISHED : PUBLISH_FAILURES, event)
				.increment();
			if (failure == null) {
				log.debug("Published {} {} to {}-{}@{}", event.type(), event.id(), result.getRecordMetadata().topic(),
						result.getRecordMetadata().partition(), result.getRecordMetadata().offset());
			}
			else {
				log.debug("Could not publish {} {}: {}", event.type(), event.id(), failure.getMessage());
			}
		});
	}

	/**
	 * The meter registry would find the same counter again, but only after building its id and tags for every record;
	 * a batch of 500 readings did that 500 times.
	 */
	private Counter counter(String name, EventEnvelope<?> event) {
		Map<Class<?>, Counter> byType = name.equals(PUBLISHED) ? published : failures;
		return byType.computeIfAbsent(event.data().getClass(), type -> register(name, event));
	}

	private Counter register(String name, EventEnvelope<?> event) {
		return Counter.builder(name)
			.description("Events the broker acknowledged, or failed to")
			.tag("type", event.data().getClass().getSimpleName())
			.tag("topic", event.topic().name())
			.register(meters);
	}
}
