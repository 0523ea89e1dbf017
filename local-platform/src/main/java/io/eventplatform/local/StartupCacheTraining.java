package io.eventplatform.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.eventplatform.local.PlatformSettings.Application;
import io.eventplatform.local.demo.DemoTrafficGenerator;
import io.eventplatform.local.demo.TrainingWorkload;
import io.eventplatform.local.process.ServiceJvm;

/**
 * Writes every application's AOT cache (JDK 25 or newer; JEP 483, 514, 515): starts the whole platform on free ports
 * with {@code -XX:AOTCacheOutput}, sends the {@link TrainingWorkload} through the gateway, then stops it; each JVM
 * writes its cache as it exits, with the classes it loaded and linked and the profiles of the methods the workload
 * ran. {@code ./run.sh} and {@code benchmarks/run.sh} call it after the build when the JDK they run has the cache.
 *
 * <pre>
 * java -cp "local-platform/target/classes:local-platform/target/lib/*" io.eventplatform.local.StartupCacheTraining [--if-stale] [--workload PT60S]
 * </pre>
 */
public final class StartupCacheTraining {

	static final Duration DEFAULT_WORKLOAD = Duration.ofSeconds(60);

	/** A build step may share the machine with other work: slower than a start should ever be, then it fails. */
	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(10);

	/** Each JVM assembles its cache after it stops (a child JVM does, some 10 to 30 s of CPU): eight at once on 2 cores. */
	private static final Duration CACHE_WRITE_GRACE = Duration.ofMinutes(6);

	private StartupCacheTraining() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		LocalPlatformCommand.useLauncherLogging();
		boolean ifStale = List.of(args).contains("--if-stale");
		int workloadAt = List.of(args).indexOf("--workload");
		Duration workload = workloadAt >= 0 && workloadAt + 1 < args.length ? Duration.parse(args[workloadAt + 1])
				: DEFAULT_WORKLOAD;
		Path projectDir = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
		PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		if (!ServiceJvm.hasAotCache()) {
			console.println("Java " + Runtime.version().feature() + " has no AOT cache with method profiles (Java "
					+ ServiceJvm.AOT_CACHE_RELEASE + " or newer has): the applications start with the class data "
					+ "sharing archives the build wrote.");
			return;
		}
		PlatformSettings settings = PlatformSettings
			.onFreePorts(projectDir, projectDir.resolve("local-platform/target/startup-cache-training"))
			.withMonitoring(false)
			.withStartupTimeout(STARTUP_TIMEOUT);
		if (settings.applications().stream().noneMatch(application -> hasLayout(settings, application))) {
			console.println("No application has its extracted layout (built with -Dplatform.app-cds.skip=true?): "
					+ "nothing to train, the executable jars start without a cache.");
			return;
		}
		List<Application> stale = stale(settings);
		if (ifStale && stale.isEmpty()) {
			console.println("The AOT caches are up to date.");
			return;
		}
		int missing = train(settings, workload, console, Clock.systemUTC());
		System.exit(missing == 0 ? 0 : 1);
	}

	/** @return how many applications have no cache afterwards */
	static int train(PlatformSettings settings, Duration workload, PrintStream console, Clock clock)
			throws IOException, InterruptedException {
		deleteRecursively(settings.dataDir());
		Files.createDirectories(settings.dataDir());
		console.printf("Training the AOT caches (Java %s): the platform on free ports, %d s of requests through the "
				+ "gateway, then each application writes its cache as it stops...%n", Runtime.version(),
				workload.toSeconds());
		Path trafficLog = settings.dataDir().resolve("training-traffic.log");
		try (LocalPlatform platform = LocalPlatform.start(settings, PlatformParts.of(settings, true), console, clock);
				OutputStream log = Files.newOutputStream(trafficLog);
				PrintStream trafficConsole = new PrintStream(log, true, StandardCharsets.UTF_8)) {
			try (DemoTrafficGenerator traffic = DemoTrafficGenerator.start(platform.gatewayUrl(),
					DevClients.ADMIN_CLIENT_ID, DevClients.ADMIN_CLIENT_SECRET, TrainingWorkload.of(clock),
					trafficConsole, clock)) {
				if (!traffic.runFor(workload)) {
					console.println("The workload's last requests did not end in time; stopping the platform anyway.");
				}
			}
			platform.close(CACHE_WRITE_GRACE);
		}
		List<Application> stale = stale(settings);
		for (Application application : settings.applications()) {
			Path cache = application.aotCache(settings.projectDir());
			console.printf("  %-24s %s%n", application.name(), !hasLayout(settings, application) ? "no extracted layout"
					: stale.contains(application) ? "no cache written"
							: "%,d MiB".formatted(Files.size(cache) / (1024 * 1024)));
		}
		console.println("What the workload got back (last lines of " + trafficLog + "):");
		List<String> lines = Files.readAllLines(trafficLog);
		lines.subList(Math.max(0, lines.size() - 5), lines.size()).forEach(line -> console.println("  " + line));
		return stale.size();
	}

	/**
	 * The applications whose cache is missing or older than their extracted layout; one without an up-to-date layout
	 * starts from its executable jar, which takes no cache, so it is never stale.
	 */
	static List<Application> stale(PlatformSettings settings) {
		List<Application> stale = new ArrayList<>();
		for (Application application : settings.applications()) {
			if (!hasLayout(settings, application)) {
				continue;
			}
			Path cache = application.aotCache(settings.projectDir());
			if (!Files.isRegularFile(cache)
					|| !PlatformParts.isUpToDate(cache, application.extractedJar(settings.projectDir()))) {
				stale.add(application);
			}
		}
		return stale;
	}

	private static boolean hasLayout(PlatformSettings settings, Application application) {
		Path layout = application.extractedJar(settings.projectDir());
		return Files.isRegularFile(layout) && PlatformParts.isUpToDate(layout, application.jar(settings.projectDir()));
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
