package io.eventplatform.analytics.streams;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Remembers when a stream thread last died. A dead thread is replaced and the client stays {@code RUNNING}, so its
 * state alone would call the service ready while a thread dies again on every attempt: this is how readiness knows.
 * Durations, not dates: measured on a monotonic clock.
 */
public final class StreamThreadFailures {

	private final Duration quietPeriod;

	private final LongSupplier nanoTime;

	private volatile long lastFailure;

	private volatile boolean failed;

	private volatile @Nullable Throwable lastCause;

	public StreamThreadFailures(Duration quietPeriod) {
		this(quietPeriod, System::nanoTime);
	}

	StreamThreadFailures(Duration quietPeriod, LongSupplier nanoTime) {
		this.quietPeriod = quietPeriod;
		this.nanoTime = nanoTime;
	}

	void record(Throwable cause) {
		lastCause = cause;
		lastFailure = nanoTime.getAsLong();
		failed = true;
	}

	/** Whether a thread died within the quiet period: the work is not being done reliably. */
	boolean recentlyFailed() {
		return failed && nanoTime.getAsLong() - lastFailure < quietPeriod.toNanos();
	}

	@Nullable Throwable lastCause() {
		return lastCause;
	}

	Duration quietPeriod() {
		return quietPeriod;
	}
}
