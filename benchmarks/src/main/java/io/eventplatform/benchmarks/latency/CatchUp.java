package io.eventplatform.benchmarks.latency;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.eventplatform.benchmarks.kafka.BacklogProducer;
import io.eventplatform.benchmarks.kafka.ConsumerGroups;
import io.eventplatform.contract.Topics;
import io.eventplatform.local.LocalPlatform;
import static org.awaitility.Awaitility.await;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Catch-up: a backlog of readings is written to {@code weather.readings} faster than the consumers can process it,
 * and the time each consumer group needs to commit up to the end of the backlog is taken. Two ways:
 * <ul>
 * <li>{@linkplain #measureWarm warm}: the consumers keep running while the backlog is written (a burst): their JVMs
 * are warm, so this is the steady cost and rate of consuming at full speed. The rate is the backlog over the time from
 * the start of writing to the group's commit of the last record (the first records arrive at once; the writing, at
 * about ten times their rate, shares the cores with them).</li>
 * <li>{@linkplain #measureAfterRestart after a restart}: the consuming services are stopped, the backlog is written,
 * the services are started again (together). The rate is the backlog over the time from the group's first commit
 * after the restart to its commit of the last record: the restart of the JVM is not consumption, so it is reported
 * separately (process start to drained). The first commit comes after the first batch was processed, so the rate
 * is, if anything, slightly high by one batch; the new JVMs' start and JIT warm-up weigh on it all the same.</li>
 * </ul>
 */
public final class CatchUp {

	private final LocalPlatform platform;

	private final List<String> consumingParts;

	private final Clock clock;

	public CatchUp(LocalPlatform platform, List<String> consumingParts, Clock clock) {
		this.platform = platform;
		this.consumingParts = List.copyOf(consumingParts);
		this.clock = clock;
	}

	/** The backlog written while the consumers keep running; see the class comment. */
	public Result measureWarm(long backlog, Map<String, String> groups, Duration timeout) throws InterruptedException {
		return measure(backlog, groups, timeout, false);
	}

	/** The consumers stopped, the backlog written, the consumers started again; see the class comment. */
	public Result measureAfterRestart(long backlog, Map<String, String> groups, Duration timeout)
			throws InterruptedException {
		return measure(backlog, groups, timeout, true);
	}

	private Result measure(long backlog, Map<String, String> groups, Duration timeout, boolean restart)
			throws InterruptedException {
		String bootstrap = platform.kafkaBootstrapServers();
		try (ConsumerGroups offsets = new ConsumerGroups(bootstrap, Topics.WEATHER_READINGS.name())) {
			List<String> groupIds = List.copyOf(groups.values());
			List<String> behind = offsets.awaitCaughtUp(groupIds, Duration.ofMinutes(2));
			if (!behind.isEmpty()) {
				throw new IllegalStateException("Groups " + behind + " did not catch up before the backlog was written");
			}
			if (restart) {
				consumingParts.forEach(platform::stopPart);
			}
			long produceStart = System.nanoTime();
			BacklogProducer.produce(bootstrap, backlog, clock);
			double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
			Map<Integer, Long> end = offsets.endOffsets();
			if (!restart) {
				return drain(offsets, groups, backlog, produceSeconds, end, Map.of(), produceStart,
						CompletableFuture.completedFuture(produceStart), timeout, false);
			}
			// What the stopped consumers committed as they closed: the first commit after the restart differs.
			Map<String, Map<Integer, Long>> before = offsets.committed(groupIds);

			long start = System.nanoTime();
			CompletableFuture<Long> ready = CompletableFuture
				.allOf(consumingParts.stream()
					.map(part -> CompletableFuture.runAsync(() -> platform.startPart(part)))
					.toArray(CompletableFuture[]::new))
				.thenApply(started -> System.nanoTime());
			return drain(offsets, groups, backlog, produceSeconds, end, before, start, ready, timeout, true);
		}
	}

	/**
	 * Polls the groups' commits until each has committed up to {@code end}.
	 * @param fromFirstCommit whether a group's rate counts from its first commit after {@code before} (a restart) or
	 *     from {@code start} (warm: the start of writing; no first commit is reported)
	 */
	private static Result drain(ConsumerGroups offsets, Map<String, String> groups, long backlog,
			double produceSeconds, Map<Integer, Long> end, Map<String, Map<Integer, Long>> before, long start,
			CompletableFuture<Long> ready, Duration timeout, boolean fromFirstCommit) {
		List<String> groupIds = List.copyOf(groups.values());
		Map<String, Long> firstProgress = new HashMap<>();
		Map<String, Long> drained = new HashMap<>();
		try {
			await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
				if (ready.isCompletedExceptionally()) {
					ready.join();
				}
				Map<String, Map<Integer, Long>> committed = offsets.committed(groupIds);
				long now = System.nanoTime();
				for (String group : groupIds) {
					Map<Integer, Long> current = committed.getOrDefault(group, Map.of());
					if (fromFirstCommit && !firstProgress.containsKey(group)
							&& !current.equals(before.getOrDefault(group, Map.of()))) {
						firstProgress.put(group, now);
					}
					if (!drained.containsKey(group)
							&& ConsumerGroups.lag(current, end).map(lag -> lag == 0).orElse(false)) {
						drained.put(group, now);
					}
				}
				return drained.size() == groupIds.size();
			});
		}
		catch (ConditionTimeoutException ex) {
			// The groups that did not drain are reported as such below.
		}
		long readyAt = ready.join();
		Map<String, Group> results = new HashMap<>();
		groups.forEach((label, group) -> {
			Optional<Long> first = Optional.ofNullable(firstProgress.get(group));
			Long done = drained.get(group);
			Optional<Long> from = fromFirstCommit ? first : Optional.of(start);
			results.put(label, done == null || from.isEmpty()
					? new Group(Optional.empty(), Optional.empty(), Optional.empty())
					: new Group(Optional.of(backlog / Math.max(1e-3, (done - from.get()) / 1e9)),
							Optional.of((done - start) / 1e9), first.map(at -> (at - start) / 1e9)));
		});
		return new Result(backlog, produceSeconds, (readyAt - start) / 1e9, results);
	}

	/**
	 * @param produceSeconds how long writing the backlog took
	 * @param restartSeconds from the start of the consuming services to the readiness of the last of them; 0 when
	 *     they were not restarted
	 */
	public record Result(long backlog, double produceSeconds, double restartSeconds, Map<String, Group> groups) {
	}

	/**
	 * @param readingsPerSecond the backlog over the time from first to last commit; empty if it did not drain in time
	 * @param secondsFromStart from the service's start (warm: the start of writing) to the last commit
	 * @param firstCommitSeconds from the service's start to its first commit (empty when warm)
	 */
	public record Group(Optional<Double> readingsPerSecond, Optional<Double> secondsFromStart,
			Optional<Double> firstCommitSeconds) {
	}

}
