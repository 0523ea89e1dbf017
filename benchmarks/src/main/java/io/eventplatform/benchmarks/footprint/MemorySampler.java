package io.eventplatform.benchmarks.footprint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory of each part of the platform, found by its listening port: one snapshot, or the peak while load
 * runs (sampled every half second; the total is the peak of the sum at one instant, not the sum of the peaks).
 */
public final class MemorySampler implements AutoCloseable {

	private final Map<String, Integer> ports;

	private final Map<String, Long> peakKib = new LinkedHashMap<>();

	private long peakTotalKib;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "memory-sampler");
		thread.setDaemon(true);
		return thread;
	});

	/** @param ports each part's name and the port it listens on */
	public MemorySampler(Map<String, Integer> ports) {
		this.ports = new LinkedHashMap<>(ports);
	}

	/** Each part's resident memory right now, in KiB; a part not found is left out. */
	public Map<String, Long> snapshot() {
		Map<String, Long> rss = new LinkedHashMap<>();
		ProcessTable.pidsListeningOn(ports).forEach((part, pid) -> {
			long kib = ProcessTable.rssKib(pid);
			if (kib > 0) {
				rss.put(part, kib);
			}
		});
		return rss;
	}

	public void startSampling() {
		timer.scheduleWithFixedDelay(this::sample, 0, 500, TimeUnit.MILLISECONDS);
	}

	private synchronized void sample() {
		Map<String, Long> now = snapshot();
		now.forEach((part, kib) -> peakKib.merge(part, kib, Math::max));
		peakTotalKib = Math.max(peakTotalKib, now.values().stream().mapToLong(Long::longValue).sum());
	}

	public synchronized Map<String, Long> peakKib() {
		return new LinkedHashMap<>(peakKib);
	}

	public synchronized long peakTotalKib() {
		return peakTotalKib;
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}

}
