package io.eventplatform.support.outbox;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.EventJson;

/**
 * Stores events in the caller's transaction, so a state change and its event are committed together or not at all.
 * The {@link OutboxRelay} publishes them after commit.
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final OutboxRelay relay;

	private final OutboxTracing tracing;

	Outbox(JdbcClient jdbc, OutboxRelay relay, OutboxTracing tracing) {
		this.jdbc = jdbc;
		this.relay = relay;
		this.tracing = tracing;
	}

	/** Stores the event; must run inside the transaction that makes the change the event announces. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(EventEnvelope<?> event) {
		jdbc.sql("""
				INSERT INTO platform_outbox (event_id, source, type, event_time, event_key, data, created_at, traceparent)
				VALUES (:id, :source, :type, :time, :key, :data, CURRENT_TIMESTAMP, :traceparent)""")
			.param("id", event.id())
			.param("source", event.source().toString())
			.param("type", event.type())
			.param("time", Timestamp.from(event.time()))
			.param("key", event.key())
			.param("data", EventJson.mapper().writeValueAsString(event.data()))
			.param("traceparent", tracing.currentTraceparent())
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				relay.wakeUp();
			}
		});
	}
}
