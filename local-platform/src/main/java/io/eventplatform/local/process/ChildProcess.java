package io.eventplatform.local.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * One part of the platform running as an operating-system process, its output appended to a log file of its own.
 */
public final class ChildProcess {

	private static final Duration READINESS_POLL = Duration.ofMillis(200);

	/** How much of the log's end is read for a tail; enough for 40 lines of a stack trace. */
	private static final int TAIL_BYTES = 64 * 1024;

	private final String name;

	private final Process process;

	private final Path logFile;

	private final long logStart;

	private ChildProcess(String name, Process process, Path logFile, long logStart) {
		this.name = name;
		this.process = process;
		this.logFile = logFile;
		this.logStart = logStart;
	}

	/**
	 * Starts {@code command} with stdout and stderr appended to {@code logFile}, after a line that marks where this
	 * run begins at {@code startedAt} (logs are kept across runs).
	 */
	public static ChildProcess start(String name, List<String> command, Path workingDirectory, Path logFile,
			Instant startedAt) {
		try {
			Files.createDirectories(logFile.toAbsolutePath().getParent());
			String marker = "%n==== %s: starting %s ====%n".formatted(startedAt, name);
			Files.writeString(logFile, marker, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
			long logStart = Files.size(logFile);
			Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
				.start();
			// Nothing is ever written to a part's stdin; closing it tells a part that reads stdin there is nothing.
			process.getOutputStream().close();
			return new ChildProcess(name, process, logFile, logStart);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name + " with " + command, ex);
		}
	}

	public String name() {
		return name;
	}

	public long pid() {
		return process.pid();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/**
	 * Polls {@code readiness} every 200 ms until it passes.
	 * @param deadlineNanos when to give up, in {@link System#nanoTime()}'s terms
	 * @param within how long that was, for the message
	 * @return why the process is not ready (it exited, or the deadline passed), or {@code null} once it is
	 */
	public @Nullable String awaitReady(Readiness readiness, long deadlineNanos, Duration within)
			throws InterruptedException {
		while (true) {
			if (!isAlive()) {
				return "exited with code " + exitCode() + " during start-up";
			}
			if (readiness.isReady()) {
				return null;
			}
			if (System.nanoTime() - deadlineNanos > 0) {
				return "was not ready within " + within.toSeconds() + " s (last check: " + readiness.lastOutcome() + ")";
			}
			Thread.sleep(READINESS_POLL.toMillis());
		}
	}

	/** The exit code; only meaningful once the process is no longer {@link #isAlive() alive}. */
	public int exitCode() {
		return process.exitValue();
	}

	public CompletableFuture<Process> onExit() {
		return process.onExit();
	}

	public Path logFile() {
		return logFile;
	}

	/** The last lines this run wrote to the log, for reporting why a part failed. */
	public List<String> logTail(int maxLines) {
		try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
			long end = file.length();
			long from = Math.max(logStart, end - TAIL_BYTES);
			if (end <= from) {
				return List.of();
			}
			byte[] bytes = new byte[(int) (end - from)];
			file.seek(from);
			file.readFully(bytes);
			Deque<String> lines = new ArrayDeque<>();
			new String(bytes, StandardCharsets.UTF_8).lines().forEach(line -> {
				lines.addLast(line);
				if (lines.size() > maxLines) {
					lines.removeFirst();
				}
			});
			return List.copyOf(lines);
		}
		catch (IOException ex) {
			return List.of("(could not read " + logFile + ": " + ex.getMessage() + ")");
		}
	}

	/** Kills the process at once (SIGKILL), as a crash or an out-of-memory kill would, and waits until it is gone. */
	public void kill() {
		process.destroyForcibly();
		try {
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Asks the process to stop (SIGTERM) and kills it if it has not ended within {@code grace}. */
	public void stop(Duration grace) {
		stopAll(List.of(this), grace);
	}

	/**
	 * Asks every process to stop at once, waits until all have ended or {@code grace} has passed, then kills those
	 * still running. Waiting in parallel keeps a slow part from holding up the others' shutdown.
	 */
	public static void stopAll(Collection<ChildProcess> children, Duration grace) {
		children.stream().filter(ChildProcess::isAlive).forEach(child -> child.process.destroy());
		CompletableFuture<?>[] exits = children.stream().map(ChildProcess::onExit).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			// Timed out (or failed to wait): the ones still alive are killed below.
		}
		for (ChildProcess child : children) {
			if (child.isAlive()) {
				child.process.destroyForcibly();
				try {
					child.process.waitFor(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	@Override
	public String toString() {
		return name + " (pid " + process.pid() + ")";
	}

}
