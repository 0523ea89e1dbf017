package io.eventplatform.analytics.streams;

import java.time.Duration;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A processor that adds up what its task reads per minute of event time in a store of its own and forwards it once a
 * second, and a minute's as soon as the task reads a record of a later minute, so an aggregate over keys of other
 * partitions (a route, the whole platform) reads a few records per second instead of one per input record, and tasks
 * that read a backlog still reach it interleaved minute by minute, as their records did (a task running ahead would
 * otherwise close the windows that another one's minutes are still due for). A subclass removes what it forwards from
 * its store in the same transaction as it is written on, so each record is counted once.
 */
public abstract class HoldsMinutes<KIn, VIn, KOut, VOut, S extends StateStore>
		implements Processor<KIn, VIn, KOut, VOut> {

	/** How often what is held goes on: the aggregates fed by it are at most this much behind. */
	public static final Duration FORWARD_INTERVAL = Duration.ofSeconds(1);

	private static final long MINUTE = Duration.ofMinutes(1).toMillis();

	private final String storeName;

	private ProcessorContext<KOut, VOut> context;

	private S held;

	/** The newest minute this task read a record of since it started: older ones held are complete. */
	private long newestMinute = Long.MIN_VALUE;

	/** {@code storeName}: the task's store of what it holds, read and written by the subclass. */
	protected HoldsMinutes(String storeName) {
		this.storeName = storeName;
	}

	@Override
	public void init(ProcessorContext<KOut, VOut> context) {
		this.context = context;
		this.held = context.getStateStore(storeName);
		context.schedule(FORWARD_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> forwardBefore(Long.MAX_VALUE));
	}

	@Override
	public final void process(Record<KIn, VIn> record) {
		long minute = record.timestamp() - Math.floorMod(record.timestamp(), MINUTE);
		if (minute > newestMinute) {
			forwardBefore(minute);
			newestMinute = minute;
		}
		hold(minute, record);
	}

	protected ProcessorContext<KOut, VOut> context() {
		return context;
	}

	/** The task's store of what it holds. */
	protected S held() {
		return held;
	}

	/** Adds the record to what is held for its minute (the start of it, epoch millis). */
	protected abstract void hold(long minute, Record<KIn, VIn> record);

	/** Forwards and forgets what is held for the minutes that start before {@code before}, oldest first. */
	protected abstract void forwardBefore(long before);
}
