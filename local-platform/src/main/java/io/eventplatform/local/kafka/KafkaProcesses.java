package io.eventplatform.local.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.eventplatform.local.process.ChildProcess;

/**
 * The nodes of a {@link KafkaCluster} running as processes of this one, for tests that kill and restart them: the
 * launcher's {@code LocalPlatform} does the same for a whole platform.
 */
public final class KafkaProcesses implements AutoCloseable {

	private static final Duration READY_WITHIN = Duration.ofSeconds(90);

	private final KafkaCluster kafka;

	private final Path logs;

	private final Clock clock;

	private final Map<Integer, ChildProcess> running = new ConcurrentHashMap<>();

	private KafkaProcesses(KafkaCluster kafka, Path logs, Clock clock) {
		this.kafka = kafka;
		this.logs = logs;
		this.clock = clock;
	}

	/** Starts every node together (one of three alone cannot elect a controller) and returns once all are ready. */
	public static KafkaProcesses start(KafkaCluster kafka, Path logs, Clock clock) {
		KafkaProcesses processes = new KafkaProcesses(kafka, logs, clock);
		try {
			Files.createDirectories(kafka.directory());
			kafka.nodes().forEach(processes::launch);
			kafka.nodes().forEach(processes::awaitReady);
			return processes;
		}
		catch (IOException ex) {
			processes.close();
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			processes.close();
			throw ex;
		}
	}

	public KafkaCluster cluster() {
		return kafka;
	}

	/** Kills node {@code id} with SIGKILL, as a crash would. */
	public void kill(int id) {
		ChildProcess node = running.remove(id);
		if (node == null) {
			throw new IllegalStateException("Node " + id + " is not running");
		}
		node.kill();
	}

	/** Starts node {@code id} again on its data and returns once it is in the cluster. */
	public void restart(int id) {
		KafkaCluster.Node node = kafka.node(id);
		launch(node);
		awaitReady(node);
	}

	private void launch(KafkaCluster.Node node) {
		running.put(node.id(), ChildProcess.start(kafka.partName(node), kafka.command(node), kafka.directory(),
				logs.resolve(kafka.partName(node) + ".log"), clock.instant()));
	}

	private void awaitReady(KafkaCluster.Node node) {
		ChildProcess process = Objects.requireNonNull(running.get(node.id()), "launched just before");
		try (KafkaReadiness readiness = kafka.readiness(node)) {
			String problem = process.awaitReady(readiness, System.nanoTime() + READY_WITHIN.toNanos(), READY_WITHIN);
			if (problem != null) {
				throw new IllegalStateException("Kafka node " + node.id() + " " + problem + "; see " + process.logFile());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting Kafka node " + node.id(), ex);
		}
	}

	@Override
	public void close() {
		ChildProcess.stopAll(running.values(), Duration.ofSeconds(30));
		running.clear();
	}
}
