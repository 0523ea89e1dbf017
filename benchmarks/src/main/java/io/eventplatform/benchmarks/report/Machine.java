package io.eventplatform.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine a run was measured on, read from {@code /proc} and the JVM: figures mean little without it.
 *
 * @param loadAverage the 1, 5 and 15 minute load averages when the run started: a busy machine shows here
 */
public record Machine(int cores, long memoryMiB, String cpuModel, String jdk, String os, String loadAverage) {

	public static Machine current() {
		return new Machine(Runtime.getRuntime().availableProcessors(), totalMemoryMiB(),
				firstLine(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")),
				System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
						+ System.getProperty("java.runtime.version"),
				osName() + " (kernel " + System.getProperty("os.version") + ")",
				read(Path.of("/proc/loadavg")).map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 3)))
					.orElse("unknown"));
	}

	private static long totalMemoryMiB() {
		return firstLine(Path.of("/proc/meminfo"), "MemTotal")
			.map(value -> Long.parseLong(value.replaceAll("[^0-9]", "")) / 1024)
			.orElse(-1L);
	}

	private static String osName() {
		return read(Path.of("/etc/os-release")).flatMap(text -> text.lines()
			.filter(line -> line.startsWith("PRETTY_NAME="))
			.map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
			.findFirst()).orElse(System.getProperty("os.name"));
	}

	private static Optional<String> firstLine(Path file, String field) {
		return read(file).flatMap(text -> text.lines()
			.filter(line -> line.startsWith(field))
			.map(line -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst());
	}

	private static Optional<String> read(Path file) {
		try {
			return Optional.of(Files.readString(file).trim());
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
