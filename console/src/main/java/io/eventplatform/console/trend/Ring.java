package io.eventplatform.console.trend;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last {@code capacity} samples of one value; the oldest is dropped when a new one arrives. */
final class Ring {

	private final int capacity;

	private final Deque<Sample> samples = new ArrayDeque<>();

	Ring(int capacity) {
		this.capacity = capacity;
	}

	synchronized void add(Instant time, long value) {
		samples.addLast(new Sample(time, value));
		while (samples.size() > capacity) {
			samples.removeFirst();
		}
	}

	synchronized List<Sample> samples() {
		return new ArrayList<>(samples);
	}

	record Sample(Instant time, long value) {
	}
}
