package io.eventplatform.benchmarks.http;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a program on the {@code PATH} (and in {@code /usr/sbin}, where Debian puts nginx). */
final class Executables {

	private Executables() {
	}

	static Optional<Path> onPath(String name) {
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
		return Stream.concat(Stream.of(path.split(File.pathSeparator)), List.of("/usr/sbin", "/sbin").stream())
			.filter(directory -> !directory.isBlank())
			.map(directory -> Path.of(directory, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
