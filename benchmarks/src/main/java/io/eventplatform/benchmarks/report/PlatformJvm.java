package io.eventplatform.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.eventplatform.local.process.ServiceJvm;

/**
 * The JVM the platform's parts ran on and how: local-platform starts every child with the launcher's own
 * {@code java.home} (its {@code JavaCommand}), and the harness is that launcher, so this JVM's version is theirs.
 *
 * @param jvm vendor, name and version
 * @param options the services' JVM options ({@link ServiceJvm#OPTIONS}), before any start-up cache option
 * @param jit which compilers the options leave on
 * @param startupCache per service: the AOT cache, the CDS archive, or none, as local-platform picks it
 */
public record PlatformJvm(String jvm, String javaHome, List<String> options, String jit,
		Map<String, String> startupCache) {

	public static PlatformJvm current(Path projectDir, List<String> applications) {
		Map<String, String> cache = new LinkedHashMap<>();
		applications.forEach(name -> cache.put(name, startupCache(projectDir, name, ServiceJvm.hasAotCache())));
		boolean c1Only = ServiceJvm.OPTIONS.stream().anyMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
		return new PlatformJvm(System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
				+ Runtime.version(), System.getProperty("java.home"), ServiceJvm.OPTIONS,
				c1Only ? "C1 only (-XX:TieredStopAtLevel)" : "the JDK's default: tiered, C1 then C2", cache);
	}

	/**
	 * What local-platform starts each service with: the extracted layout when it is newer than the jar, with the cache
	 * {@link ServiceJvm#startupCache} picks for it.
	 */
	static String startupCache(Path projectDir, String name, boolean aotCapable) {
		Path app = projectDir.resolve(name).resolve("target").resolve("app");
		Path extracted = app.resolve(name + ".jar");
		Path jar = projectDir.resolve(name).resolve("target").resolve(name + ".jar");
		if (!Files.isRegularFile(extracted) || !ServiceJvm.isUpToDate(extracted, jar)) {
			return "none (executable jar)";
		}
		Path aot = app.resolve(name + ".aot");
		Path jsa = app.resolve(name + ".jsa");
		return switch (ServiceJvm.startupCache(aot, jsa, extracted, aotCapable)) {
			case AOT_CACHE -> "AOT cache " + projectDir.relativize(aot);
			case CLASS_DATA_ARCHIVE -> "CDS archive " + projectDir.relativize(jsa);
			case NONE -> "none (extracted layout)";
		};
	}

	/** E.g. {@code "AOT cache: gateway, analytics-service; none (executable jar): console"}. */
	public String startupCacheSummary() {
		Map<String, List<String>> byKind = new LinkedHashMap<>();
		startupCache.forEach((name, kind) -> byKind
			.computeIfAbsent(kind.replaceAll(" \\S*/target/app/\\S*$", ""), k -> new ArrayList<>())
			.add(name));
		return byKind.entrySet().stream().map(entry -> entry.getKey() + ": " + String.join(", ", entry.getValue()))
			.collect(Collectors.joining("; "));
	}

}
