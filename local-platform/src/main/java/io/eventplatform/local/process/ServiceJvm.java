package io.eventplatform.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the platform's Spring Boot applications are started locally, and with which start-up cache.
 * <p>
 * The JIT is the JDK's default (tiered, with C2), as the images in {@code k8s/} run it: the figures measured locally
 * are then those of production. The serial collector has no background threads on a 2-core machine;
 * {@code file.encoding} gives Java 17 the UTF-8 default that Java 18 has, whatever the machine's locale. Sized so that
 * eight applications, the broker and the mail server stay within about 2.5 GiB resident.
 */
public final class ServiceJvm {

	/** The options of every application and of the benchmark's baseline, without a start-up cache. */
	public static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-Xss512k", "-Xms32m", "-Xmx256m",
			"-XX:MaxDirectMemorySize=64m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
			"-Dfile.encoding=UTF-8");

	/** The first feature release whose ahead-of-time cache (JEP 483, 514, 515) keeps method profiles too. */
	public static final int AOT_CACHE_RELEASE = 25;

	private ServiceJvm() {
	}

	/** Whether the JVM that runs this code (and so every child, see {@link JavaCommand}) has the AOT cache. */
	public static boolean hasAotCache() {
		return Runtime.version().feature() >= AOT_CACHE_RELEASE;
	}

	/**
	 * With an AOT cache (JDK 25 or newer): classes loaded and linked and method profiles from the training run. The JVM
	 * checks that the cache was written by the same JDK for the same class path and options, and quietly runs without
	 * it otherwise, so a stale cache costs time, never correctness.
	 */
	public static List<String> withAotCache(Path cache) {
		return with("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");
	}

	/** The training run's options: the JVM writes the cache when it exits (JEP 514). */
	public static List<String> writingAotCache(Path cache) {
		return with("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");
	}

	/** With a class data sharing archive (JDK 17 to 24): classes only, checked and skipped like the AOT cache. */
	public static List<String> withClassDataArchive(Path archive) {
		return with("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
	}

	/** What an application's extracted layout starts with. */
	public enum StartupCache {
		AOT_CACHE, CLASS_DATA_ARCHIVE, NONE
	}

	/**
	 * The fastest start the build prepared for an extracted layout: on JDK 25 or newer its AOT cache (classes and
	 * method profiles from a training workload), else its class data sharing archive (classes only), each only when
	 * written after the layout.
	 */
	public static StartupCache startupCache(Path aotCache, Path classDataArchive, Path layout, boolean aotCapable) {
		if (aotCapable && Files.isRegularFile(aotCache) && isUpToDate(aotCache, layout)) {
			return StartupCache.AOT_CACHE;
		}
		if (Files.isRegularFile(classDataArchive) && isUpToDate(classDataArchive, layout)) {
			return StartupCache.CLASS_DATA_ARCHIVE;
		}
		return StartupCache.NONE;
	}

	/**
	 * Whether {@code derived} was written from the current {@code source}: the layout, the archive and the cache are
	 * written after the executable jar, so one older than its source is left from an earlier build (e.g. one run with
	 * {@code -Dplatform.app-cds.skip=true}).
	 */
	public static boolean isUpToDate(Path derived, Path source) {
		try {
			return !Files.isRegularFile(source)
					|| Files.getLastModifiedTime(derived).compareTo(Files.getLastModifiedTime(source)) >= 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static List<String> with(String... more) {
		List<String> options = new ArrayList<>(OPTIONS);
		options.addAll(List.of(more));
		return List.copyOf(options);
	}

}
