package io.eventplatform.local.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Command lines for child JVMs: the same {@code java} that runs the launcher, started in a session of their own where
 * the operating system allows it.
 */
public final class JavaCommand {

	private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");

	private static final Optional<Path> SETSID = findSetsid();

	private JavaCommand() {
	}

	/** Runs {@code mainClass} from the launcher's own class path, so no separate distribution is needed. */
	public static List<String> mainClass(List<String> jvmOptions, Class<?> mainClass, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable().toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(args);
		return detached(command);
	}

	/** Runs an executable jar, such as a Spring Boot application. */
	public static List<String> jar(List<String> jvmOptions, Path jar, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable().toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(args);
		return detached(command);
	}

	static Path javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", WINDOWS ? "java.exe" : "java");
	}

	/**
	 * Ctrl-C in a terminal signals the whole foreground process group at once, so every service would stop at the
	 * same moment as the broker it flushes to. In a session of its own a child only hears from the launcher, which
	 * stops the parts in order. {@code setsid} replaces itself with the command (a child of the JVM never leads a
	 * process group), so the process id is the JVM's.
	 */
	private static List<String> detached(List<String> command) {
		if (SETSID.isEmpty()) {
			return List.copyOf(command);
		}
		List<String> detached = new ArrayList<>(command.size() + 1);
		detached.add(SETSID.get().toString());
		detached.addAll(command);
		return List.copyOf(detached);
	}

	private static Optional<Path> findSetsid() {
		if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
			return Optional.empty();
		}
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
		return Stream.of(path.split(File.pathSeparator))
			.filter(directory -> !directory.isBlank())
			.map(directory -> Path.of(directory, "setsid"))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
