package io.eventplatform.local;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A part of the platform could not start: it exited, was not ready in time, or could not be launched at all. The
 * message carries the end of the part's log, so the cause is visible where the failure is reported.
 */
public class PlatformStartupException extends RuntimeException {

	private final String part;

	private final @Nullable Path logFile;

	private final List<String> logTail;

	PlatformStartupException(String part, String problem, @Nullable Path logFile, List<String> logTail) {
		super(message(part, problem, logFile, logTail));
		this.part = part;
		this.logFile = logFile;
		this.logTail = List.copyOf(logTail);
	}

	/** The name of the part that failed, e.g. {@code kafka-broker} or {@code registration-service}. */
	public String part() {
		return part;
	}

	/** The part's log; {@code null} when the part was never launched. */
	public @Nullable Path logFile() {
		return logFile;
	}

	/** The last lines the part wrote in this run; empty when the part was never launched. */
	public List<String> logTail() {
		return logTail;
	}

	private static String message(String part, String problem, @Nullable Path logFile, List<String> logTail) {
		StringBuilder message = new StringBuilder(part).append(' ').append(problem);
		if (logFile != null) {
			message.append(System.lineSeparator())
				.append("Last ")
				.append(logTail.size())
				.append(" lines of ")
				.append(logFile)
				.append(':');
			logTail.forEach(line -> message.append(System.lineSeparator()).append("  | ").append(line));
		}
		return message.toString();
	}

}
