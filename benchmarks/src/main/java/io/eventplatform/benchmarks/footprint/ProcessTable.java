package io.eventplatform.benchmarks.footprint;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Finds the process listening on a TCP port and reads its resident memory, from {@code /proc} (Linux). Works the same
 * for a platform the harness started and for one it attached to.
 */
public final class ProcessTable {

	private static final String LISTEN = "0A";

	private ProcessTable() {
	}

	public static boolean supported() {
		return Files.isReadable(Path.of("/proc/net/tcp"));
	}

	/** The process with a listening socket on {@code port}, if this user may see it. */
	public static OptionalLong pidListeningOn(int port) {
		Set<String> inodes = new HashSet<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			try {
				for (String line : Files.readAllLines(Path.of(table))) {
					String[] fields = line.trim().split("\\s+");
					if (fields.length > 9 && fields[3].equals(LISTEN) && fields[1].contains(":")) {
						int localPort = Integer.parseInt(fields[1].substring(fields[1].lastIndexOf(':') + 1), 16);
						if (localPort == port) {
							inodes.add("socket:[" + fields[9] + "]");
						}
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// No such table (no IPv6) or not Linux: nothing found there.
			}
		}
		if (inodes.isEmpty()) {
			return OptionalLong.empty();
		}
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path process : processes) {
				if (holdsAny(process, inodes)) {
					return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
				}
			}
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
		return OptionalLong.empty();
	}

	/** Resident set size (VmRSS) in KiB; -1 if the process is gone. */
	/** The process of each part, by the port it listens on; a part whose process is not found is left out. */
	public static Map<String, Long> pidsListeningOn(Map<String, Integer> ports) {
		Map<String, Long> pids = new LinkedHashMap<>();
		ports.forEach((part, port) -> pidListeningOn(port).ifPresent(pid -> pids.put(part, pid)));
		return pids;
	}

	public static long rssKib(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		return -1;
	}

	private static boolean holdsAny(Path process, Set<String> inodes) {
		try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
			for (Path descriptor : descriptors) {
				try {
					if (inodes.contains(Files.readSymbolicLink(descriptor).toString())) {
						return true;
					}
				}
				catch (IOException ex) {
					// Closed meanwhile.
				}
			}
		}
		catch (IOException | SecurityException ex) {
			return false;
		}
		return false;
	}

}
