package io.eventplatform.analytics.web;

import java.nio.ByteBuffer;

import org.HdrHistogram.Histogram;

import io.eventplatform.contract.gateway.GatewayRequestCompleted;

/**
 * Calls, errors and a latency histogram of one window (a route's, a client's or the platform's minute or hour).
 * Percentiles come from the histogram, which merges across windows by adding, so no latency list is ever kept.
 * Mutable (as Kafka Streams' aggregators may be): each instance belongs to one aggregation step at a time.
 */
public final class TrafficStats {

	/**
	 * Two significant digits: latencies up to 255 ms are exact, longer ones within 1%, and a window's histogram stays
	 * a few dozen bytes when encoded.
	 */
	static final int SIGNIFICANT_DIGITS = 2;

	private long calls;

	private long clientErrors;

	private long serverErrors;

	private final Histogram latencies;

	private TrafficStats(long calls, long clientErrors, long serverErrors, Histogram latencies) {
		this.calls = calls;
		this.clientErrors = clientErrors;
		this.serverErrors = serverErrors;
		this.latencies = latencies;
	}

	public static TrafficStats none() {
		return new TrafficStats(0, 0, 0, new Histogram(SIGNIFICANT_DIGITS));
	}

	public TrafficStats add(GatewayRequestCompleted call) {
		calls++;
		if (call.status() >= 400 && call.status() < 500) {
			clientErrors++;
		}
		else if (call.status() >= 500 && call.status() < 600) {
			serverErrors++;
		}
		latencies.recordValue(Math.max(0, call.latencyMillis()));
		return this;
	}

	/** Adds the other window's calls to these. */
	public TrafficStats merge(TrafficStats other) {
		calls += other.calls;
		clientErrors += other.clientErrors;
		serverErrors += other.serverErrors;
		latencies.add(other.latencies);
		return this;
	}

	public long calls() {
		return calls;
	}

	public double errorShare() {
		return calls == 0 ? 0 : (double) (clientErrors + serverErrors) / calls;
	}

	/** The latency in milliseconds at or below which {@code percentile} % of the calls were answered. */
	public long percentile(double percentile) {
		return calls == 0 ? 0 : latencies.getValueAtPercentile(percentile);
	}

	/**
	 * Whether the p99 is above the limit for certain: the whole histogram bucket of the p99 lies above it. (The p99
	 * reported is the bucket's top, which for a latency exactly at a limit above 255 ms is up to 1 % more.)
	 */
	public boolean p99Above(long limitMillis) {
		return calls > 0 && latencies.lowestEquivalentValue(latencies.getValueAtPercentile(99)) > limitMillis;
	}

	public Traffic traffic() {
		return new Traffic(calls, clientErrors, serverErrors, errorShare(), percentile(50), percentile(95),
				percentile(99));
	}

	/** Three counts and the histogram in HdrHistogram's own encoding (zig-zag varints, zero runs collapsed). */
	void writeTo(ByteBuffer buffer) {
		buffer.putLong(calls).putLong(clientErrors).putLong(serverErrors);
		latencies.encodeIntoByteBuffer(buffer);
	}

	int encodedSizeBound() {
		return 3 * Long.BYTES + latencies.getNeededByteBufferCapacity();
	}

	static TrafficStats readFrom(ByteBuffer buffer) {
		long calls = buffer.getLong();
		long clientErrors = buffer.getLong();
		long serverErrors = buffer.getLong();
		Histogram latencies = Histogram.decodeFromByteBuffer(buffer, 0);
		latencies.setAutoResize(true);
		return new TrafficStats(calls, clientErrors, serverErrors, latencies);
	}
}
