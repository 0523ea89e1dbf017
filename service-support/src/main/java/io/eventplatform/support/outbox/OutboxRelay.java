package io.eventplatform.support.outbox;

import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.support.kafka.EventPublisher;

/**
 * Hands each event stored in the outbox to Kafka after the business transaction committed, off the request thread.
 * The publication counts as done only when the broker acknowledged; an exception leaves it failed in the registry,
 * and {@link OutboxRetry} tries it again. The envelope keeps its id across attempts, so consumers can drop a
 * duplicate.
 */
class OutboxRelay {

	private final EventPublisher publisher;

	private final OutboxProperties properties;

	OutboxRelay(EventPublisher publisher, OutboxProperties properties) {
		this.publisher = publisher;
		this.properties = properties;
	}

	@Async
	@TransactionalEventListener
	public void relay(EventEnvelope<?> event) throws Exception {
		publisher.publish(event).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
	}
}
