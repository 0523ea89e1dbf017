package io.eventplatform.support.outbox;

import java.net.URI;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topic;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.EventJson;
import io.eventplatform.support.kafka.EventPublisher;

/**
 * Publishes stored events in the order they were stored, and deletes each one only after the broker acknowledged it.
 * <p>
 * One round takes the oldest stored events under a row lock (so two instances of a service never publish the same
 * rows, nor overtake each other), sends them all at once (the producer batches them and, being idempotent, keeps their
 * order within each partition), waits for the acknowledgements, and deletes the acknowledged rows. When the broker
 * fails to take an event, the same partition's later events fail with it, so nothing overtakes it: the rows stay and
 * are published again after {@link OutboxProperties#retryInterval()}, in order.
 * <p>
 * At least once: a crash between the broker's acknowledgement and the commit of the deletion, or a lost
 * acknowledgement, publishes an event again; it keeps its id ({@code ce_id}), and consumers drop the duplicate. Never
 * an event whose transaction could still be lost: before sending, the relay makes sure what it read is in the
 * database's file (see {@link #durabilityBarrier(DataSource)}).
 */
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final EventPublisher publisher;

	private final OutboxProperties properties;

	private final OutboxTracing tracing;

	private final @Nullable String durabilityBarrier;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile CountDownLatch stopped = new CountDownLatch(1);

	private volatile boolean running;

	/** The error that ended the relay's thread; readiness is DOWN while it is set ({@link OutboxRelayHealthIndicator}). */
	private volatile @Nullable Error failure;

	private @Nullable ExecutorService thread;

	OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, EventPublisher publisher,
			OutboxProperties properties, OutboxTracing tracing, @Nullable String durabilityBarrier) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.publisher = publisher;
		this.properties = properties;
		this.tracing = tracing;
		this.durabilityBarrier = durabilityBarrier;
	}

	/**
	 * SQL that returns once everything committed so far is in the database's file, or {@code null} where a commit is
	 * durable before others see it. H2 makes a commit visible a moment before its own thread writes it to the file
	 * (even with {@code WRITE_DELAY=0}): without this, the relay could publish an event its service then loses in a
	 * crash. {@code CHECKPOINT} writes what is committed and not yet written (nothing, mostly) and no more; it needs
	 * H2's admin right, which the database's creator ({@code sa} by default) has. PostgreSQL
	 * shows a commit only after its WAL record is flushed ({@code synchronous_commit=on}, the default).
	 */
	static @Nullable String durabilityBarrier(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return "H2".equals(product) ? "CHECKPOINT" : null;
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database the outbox is in", ex);
		}
	}

	/** A transaction stored events: publish them now rather than at the next poll. */
	void wakeUp() {
		wakeUps.release();
	}

	private void relayUntilStopped() {
		try {
			relayWhileRunning();
		}
		catch (Error error) {
			running = false;
			failure = error;
			log.error("The outbox relay stopped: stored events are not published until the service restarts", error);
			throw error;
		}
	}

	private void relayWhileRunning() {
		while (running) {
			boolean failed = false;
			try {
				while (running && relayOneRound()) {
					// A full round: there may be more stored events behind it.
				}
			}
			catch (RuntimeException ex) {
				failed = true;
				log.warn("Stored events stay in the outbox until the broker takes them: {}", ex.getMessage());
			}
			try {
				if (failed) {
					// Back off: new commits must not hammer a broker that is away. Ends early on shutdown.
					stopped.await(properties.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
				}
				else {
					wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				}
				wakeUps.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static @Nullable RuntimeException await(CompletableFuture<?> send, PendingEvent stored, long deadline) {
		try {
			send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new IllegalStateException("interrupted while publishing event " + stored.id(), ex);
		}
		catch (Exception ex) {
			return new IllegalStateException("the broker did not acknowledge event " + stored.id(), ex);
		}
	}

	/** What one round did; its deletions are committed whether or not every event was acknowledged. */
	private record Round(boolean full, @Nullable RuntimeException failure) {
	}

	/** @return whether the round was full, so more events may be waiting */
	boolean relayOneRound() {
		Round round = transactions.execute(status -> {
			List<PendingEvent> batch = jdbc.sql("""
					SELECT position, event_id, source, type, event_time, data, traceparent FROM platform_outbox
					ORDER BY position FETCH FIRST :size ROWS ONLY FOR UPDATE""")
				.param("size", properties.batchSize())
				.query((rs, row) -> new PendingEvent(rs.getLong("position"), rs.getString("event_id"),
						rs.getString("source"), rs.getString("type"), rs.getTimestamp("event_time").toInstant(),
						rs.getString("data"), rs.getString("traceparent")))
				.list();
			if (batch.isEmpty()) {
				return new Round(false, null);
			}
			// Read every row back into its event before sending any: a row this version cannot read (a type a newer
			// version stores, during a rolling deploy) must not abort a round whose earlier events were already sent.
			List<EventEnvelope<?>> events = new ArrayList<>(batch.size());
			for (PendingEvent stored : batch) {
				try {
					events.add(stored.toEnvelope());
				}
				catch (RuntimeException ex) {
					log.warn("Cannot read stored event {} ({}); publishing stops before it until an instance that can"
							+ " read it publishes it: {}", stored.id(), stored.type(), ex.getMessage());
					break;
				}
			}
			if (events.isEmpty()) {
				return new Round(false, new IllegalStateException("cannot read stored event " + batch.get(0).id()));
			}
			batch = batch.subList(0, events.size());
			if (durabilityBarrier != null) {
				jdbc.sql(durabilityBarrier).update();
			}
			long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
			// The oldest event goes alone first: while the broker is away nothing behind it is sent, so nothing
			// can overtake it once the broker is back.
			RuntimeException failure = await(publish(events.get(0), batch.get(0)), batch.get(0), deadline);
			if (failure != null) {
				return new Round(false, failure);
			}
			List<Long> published = new ArrayList<>(batch.size());
			published.add(batch.get(0).position());
			List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
			for (int i = 1; i < events.size(); i++) {
				CompletableFuture<?> send = publish(events.get(i), batch.get(i));
				sends.add(send);
				if (send.isCompletedExceptionally()) {
					// Refused at once (the producer lost the broker): what follows stays stored, in order.
					break;
				}
			}
			for (int i = 0; i < sends.size(); i++) {
				PendingEvent stored = batch.get(i + 1);
				RuntimeException failed = await(sends.get(i), stored, deadline);
				if (failed == null) {
					published.add(stored.position());
				}
				else if (failure == null) {
					failure = failed;
				}
			}
			if (!published.isEmpty()) {
				jdbc.sql("DELETE FROM platform_outbox WHERE position IN (:positions)")
					.param("positions", published)
					.update();
			}
			// Commit the deletions of what was published; what failed stays, to be retried in order.
			return new Round(batch.size() == properties.batchSize() && failure == null, failure);
		});
		if (round.failure() != null) {
			throw round.failure();
		}
		return round.full();
	}

	/** Publishes in the trace of the request that stored the event. */
	private CompletableFuture<?> publish(EventEnvelope<?> event, PendingEvent stored) {
		return tracing.publishing(stored.traceparent(), stored.type(), () -> publisher.publish(event));
	}

	record PendingEvent(long position, String id, String source, String type, java.time.Instant time, String data,
			@Nullable String traceparent) {

		EventEnvelope<?> toEnvelope() {
			Topic<?> topic = Topics.byCloudEventType(type)
				.orElseThrow(() -> new IllegalStateException("Unknown event type in the outbox: " + type));
			return new EventEnvelope<>(id, URI.create(source), time,
					EventJson.mapper().readValue(data, topic.eventType()));
		}
	}

	@Override
	public void start() {
		failure = null;
		stopped = new CountDownLatch(1);
		running = true;
		thread = Executors.newSingleThreadExecutor(runnable -> {
			Thread relay = new Thread(runnable, "outbox-relay");
			relay.setDaemon(true);
			return relay;
		});
		thread.execute(this::relayUntilStopped);
	}

	@Override
	public void stop() {
		running = false;
		stopped.countDown();
		wakeUps.release();
		if (thread == null) {
			return;
		}
		thread.shutdown();
		try {
			thread.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The error that ended the relay's thread, if one did: stored events then wait for a restart. */
	@Nullable Error failure() {
		return failure;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// Stops after the web server has drained its requests (graceful shutdown at DEFAULT_PHASE - 1024, the server
		// at - 2048), so what they stored is still published, and before the Kafka producer.
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}
}
