package io.eventplatform.benchmarks.latency;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import io.eventplatform.benchmarks.http.Readings;
import io.eventplatform.benchmarks.kafka.ConsumerGroups;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.CloudEventHeaders;

/**
 * Latency from a reading's 202 to its effect in each consumer, at a fixed (open-loop) request rate.
 * <p>
 * Every reading sent is followed, not a sample: a consumer without a group reads {@code weather.readings} and notes
 * each reading's partition and offset by its {@code ce_id} (the id the 202 answered); meanwhile the consumer groups'
 * committed offsets are read every 5 ms, and each change is kept with the time it was seen. A reading
 * took effect in a group at the first moment its committed offset passed the reading's offset. For Kafka Streams
 * (exactly-once) that commit is the transaction that also writes the aggregate's changelog, so it is the moment the
 * updated aggregate is committed; for the warehouse listener, the offset is committed after the listener wrote the
 * row, so the moment seen is at most one poll interval after the row was written. All times are taken by this one
 * JVM's monotonic clock.
 */
public final class EndToEndLatency {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private final String bootstrapServers;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Clock clock;

	public EndToEndLatency(String bootstrapServers, Clock clock) {
		this.clock = clock;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Sends readings to {@code readingsUrl} at {@code rate} per second for {@code duration}, then waits up to
	 * {@code drainTimeout} for every group to take effect of every accepted reading.
	 * @param groups the label of each consumer group to follow, e.g. {@code analytics -> analytics-service}
	 */
	public Result measure(URI readingsUrl, String bearerToken, Map<String, String> groups, double rate,
			Duration duration, Duration drainTimeout) throws InterruptedException {
		Map<String, Long> accepted = new ConcurrentHashMap<>();
		Map<String, long[]> locations = new ConcurrentHashMap<>();
		Map<String, Map<Integer, List<long[]>>> history = new ConcurrentHashMap<>();
		AtomicLong errors = new AtomicLong();
		List<String> errorSamples = new CopyOnWriteArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		volatileStop = false;
		try (ConsumerGroups offsets = new ConsumerGroups(bootstrapServers, Topics.WEATHER_READINGS.name());
				KafkaConsumer<String, byte[]> topic = locator()) {
			List<TopicPartition> partitions = offsets.partitions();
			topic.assign(partitions);
			topic.seekToEnd(partitions);
			partitions.forEach(topic::position);
			List<String> groupIds = List.copyOf(groups.values());
			recordOffsets(offsets, groupIds, history);
			threads.submit(() -> followOffsets(offsets, groupIds, history));

			long period = (long) (1_000_000_000L / rate);
			long count = Math.max(1, (long) (rate * duration.toMillis() / 1000));
			long start = System.nanoTime();
			Instant observedBase = clock.instant();
			String run = Long.toString(clock.millis() % 1_000_000, 36);
			for (long i = 0; i < count; i++) {
				long due = start + i * period;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				// A station of its own per reading: every reading is its own aggregate update.
				String body = Readings.reading("e2e-" + run + "-" + i, observedBase.plusMillis(i), (int) i);
				HttpRequest request = HttpRequest.newBuilder(readingsUrl)
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + bearerToken)
					.timeout(Duration.ofSeconds(10))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
				http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
					.whenComplete((response, failure) -> {
						long now = System.nanoTime();
						if (response != null && response.statusCode() == 202) {
							Matcher id = ID.matcher(response.body());
							if (id.find()) {
								accepted.put(id.group(1), now);
								return;
							}
						}
						errors.incrementAndGet();
						if (errorSamples.size() < 5) {
							errorSamples.add(response == null ? String.valueOf(failure)
									: response.statusCode() + " " + response.body());
						}
					});
			}
			double sendSeconds = (System.nanoTime() - start) / 1e9;

			long deadline = System.nanoTime() + drainTimeout.toNanos();
			java.util.Set<String> resolved = new java.util.HashSet<>();
			long nextCheck = 0;
			boolean done = false;
			while (!done && System.nanoTime() < deadline) {
				if (System.nanoTime() >= nextCheck) {
					// Each reading is checked until it has taken effect everywhere, a few times a second.
					done = accepted.size() + errors.get() >= count
							&& allResolved(accepted, resolved, locations, history, groupIds);
					nextCheck = System.nanoTime() + 200_000_000L;
				}
				for (ConsumerRecord<String, byte[]> record : topic.poll(Duration.ofMillis(5))) {
					Header id = record.headers().lastHeader(CloudEventHeaders.ID);
					if (id != null) {
						locations.put(new String(id.value(), StandardCharsets.UTF_8),
								new long[] { record.partition(), record.offset() });
					}
				}
			}
			volatileStop = true;
			Map<String, Percentiles> latencies = new HashMap<>();
			groups.forEach((label, group) -> latencies.put(label,
					Percentiles.of(latencies(accepted, locations, history.get(group)), accepted.size())));
			return new Result(count, accepted.size(), errors.get(), count / sendSeconds, latencies,
					List.copyOf(errorSamples));
		}
		finally {
			volatileStop = true;
			threads.shutdownNow();
		}
	}

	private volatile boolean volatileStop;

	private KafkaConsumer<String, byte[]> locator() {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"), new StringDeserializer(),
				new ByteArrayDeserializer());
	}

	/** How often the committed offsets are read: the resolution of every latency reported. */
	static final long POLL_PERIOD_NANOS = 5_000_000L;

	private void followOffsets(ConsumerGroups offsets, List<String> groups, Map<String, Map<Integer, List<long[]>>> history) {
		while (!volatileStop && !Thread.currentThread().isInterrupted()) {
			try {
				recordOffsets(offsets, groups, history);
				// Every 5 ms: finer polling would itself load the broker (an offset fetch per group each time) and
				// the two cores everything here shares, and so lengthen what it measures.
				LockSupport.parkNanos(POLL_PERIOD_NANOS);
			}
			catch (RuntimeException ex) {
				if (volatileStop) {
					return;
				}
				LockSupport.parkNanos(10_000_000);
			}
		}
	}

	/** Appends (time seen, offset) for every partition whose committed offset changed. */
	private static void recordOffsets(ConsumerGroups offsets, List<String> groups,
			Map<String, Map<Integer, List<long[]>>> history) {
		Map<String, Map<Integer, Long>> committed = offsets.committed(groups);
		long now = System.nanoTime();
		committed.forEach((group, partitions) -> partitions.forEach((partition, offset) -> {
			List<long[]> changes = history.computeIfAbsent(group, g -> new ConcurrentHashMap<>())
				.computeIfAbsent(partition, p -> new CopyOnWriteArrayList<>());
			if (changes.isEmpty() || changes.get(changes.size() - 1)[1] != offset) {
				changes.add(new long[] { now, offset });
			}
		}));
	}

	private static boolean allResolved(Map<String, Long> accepted, java.util.Set<String> resolved,
			Map<String, long[]> locations, Map<String, Map<Integer, List<long[]>>> history, List<String> groups) {
		boolean all = true;
		for (String id : accepted.keySet()) {
			if (resolved.contains(id)) {
				continue;
			}
			long[] location = locations.get(id);
			boolean everywhere = location != null
					&& groups.stream().allMatch(group -> effectTime(history.get(group), location) >= 0);
			if (everywhere) {
				resolved.add(id);
			}
			else {
				all = false;
			}
		}
		return all;
	}

	/** When the group's committed offset first passed the reading's offset; -1 if it has not yet. */
	private static long effectTime(@Nullable Map<Integer, List<long[]>> groupHistory, long[] location) {
		if (groupHistory == null) {
			return -1;
		}
		List<long[]> changes = groupHistory.get((int) location[0]);
		if (changes == null) {
			return -1;
		}
		// Committed offsets only grow while the group is stable, so the changes are sorted by offset too.
		int low = 0;
		int high = changes.size() - 1;
		long found = -1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			long[] change = changes.get(middle);
			if (change[1] > location[1]) {
				found = change[0];
				high = middle - 1;
			}
			else {
				low = middle + 1;
			}
		}
		return found;
	}

	private static List<Double> latencies(Map<String, Long> accepted, Map<String, long[]> locations,
			@Nullable Map<Integer, List<long[]>> groupHistory) {
		List<Double> millis = new ArrayList<>();
		accepted.forEach((id, acceptedAt) -> {
			long[] location = locations.get(id);
			long effect = location == null ? -1 : effectTime(groupHistory, location);
			if (effect >= 0) {
				// A fast consumer may commit before the 202 has travelled back to this client: that is no delay.
				millis.add(Math.max(0, effect - acceptedAt) / 1e6);
			}
		});
		Collections.sort(millis);
		return millis;
	}

	/**
	 * @param sent requests sent
	 * @param accepted answered 202
	 * @param achievedRate requests per second actually sent
	 */
	public record Result(long sent, long accepted, long errors, double achievedRate, Map<String, Percentiles> latencies,
			List<String> errorSamples) {
	}

	/** @param observed readings whose effect was seen, of {@code expected} accepted ones */
	public record Percentiles(double p50, double p99, double p999, double max, int observed, int expected) {

		static Percentiles of(List<Double> sorted, int expected) {
			if (sorted.isEmpty()) {
				return new Percentiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, expected);
			}
			return new Percentiles(rank(sorted, 0.50), rank(sorted, 0.99), rank(sorted, 0.999),
					sorted.get(sorted.size() - 1), sorted.size(), expected);
		}

		/** Nearest rank: the smallest value with at least {@code q} of the values at or below it. */
		private static double rank(List<Double> sorted, double q) {
			int index = (int) Math.ceil(q * sorted.size()) - 1;
			return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
		}

	}

}
