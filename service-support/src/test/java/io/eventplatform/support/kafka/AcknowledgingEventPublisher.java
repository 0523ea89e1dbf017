package io.eventplatform.support.kafka;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.springframework.kafka.support.SendResult;

import io.eventplatform.contract.EventEnvelope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Hands each event to a test at the moment it would be sent, and acknowledges it at once: for tests about what is true
 * when an event leaves a service, which a real broker could not observe at that moment.
 */
public class AcknowledgingEventPublisher extends EventPublisher {

	private final Consumer<EventEnvelope<?>> sending;

	public AcknowledgingEventPublisher(Consumer<EventEnvelope<?>> sending) {
		super(null, URI.create("/test"), new SimpleMeterRegistry(), Clock.systemUTC());
		this.sending = sending;
	}

	@Override
	public CompletableFuture<SendResult<String, EventEnvelope<?>>> publish(EventEnvelope<?> event) {
		sending.accept(event);
		return CompletableFuture.completedFuture(null);
	}
}
