package io.eventplatform.benchmarks;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code benchmarks/run.sh}: measures the platform and writes {@code benchmarks/results/report.md} and
 * {@code figures.json}.
 */
public final class BenchmarkCommand {

	/**
	 * The gateway limits each client to 100 calls a second; the benchmark client must not be limited, or G would
	 * measure the limit. Every part of the platform inherits this environment; only the gateway reads it.
	 */
	static final String RATE_LIMIT_LIFTED = "{\"platform\":{\"gateway\":{\"rate-limits\":{\"clients\":{\"demo-client\":"
			+ "{\"capacity\":1000000000,\"refill-tokens\":1000000000,\"refill-period\":\"1s\"}}}}}}";

	static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

	private static final String HELP = """
			benchmarks/run.sh [options]
			benchmarks/run.sh codec [options]   the CloudEvents header codec alone, no platform (codec --help)

			Starts the platform as ./run.sh does (or attaches to a running one), measures K, H, R, G, N, B, E2E,
			catch-up and footprint, and writes <out>/report.md and <out>/figures.json.

			  --smoke                 seconds and small counts, one repetition (what ./mvnw verify runs)
			  --repeats N             rounds of every figure (default 5); each figure is the median
			  --startups N            platform starts timed (default 3)
			  --duration 30s          per wrk run
			  --warmup-slice 5s       before round 1, each target gets wrk runs this long until its rate is
			  --warmup-max 180s       steady (3 slices within 5 %, or 6 without a new maximum), at most this
			  --connections 64        wrk connections      --threads 2       wrk threads
			  --kafka-records N       per Kafka tool run (default 1000000)   --record-size 1024
			  --batch-size 500        readings per batch   --e2e-duration 60s
			  --backlog N             catch-up backlog (default 1000000)     --catch-up-repeats 3
			  --out DIR               where the report goes (default benchmarks/results)
			  --note TEXT             printed at the top of the report (e.g. "machine busy")
			  --gateway URL --weather-ingest URL --bootstrap-servers HOST:PORT
			                          attach to a running platform instead of starting one (no start-up time,
			                          no catch-up; lift the gateway's rate limit for the client yourself)
			  --client-id ID --client-secret S   the token's client (default demo-client)
			""";

	private BenchmarkCommand() {
	}

	public static void main(String[] args) throws Exception {
		if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
			System.out.print(HELP);
			return;
		}
		if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
			// The harness prints its progress; of its own logging only problems (local-platform's launcher settings).
			System.setProperty(LOGBACK_CONFIGURATION, "io/eventplatform/local/launcher-logback.xml");
		}
		Path projectDir = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
		BenchmarkSettings settings = BenchmarkSettings.parse(projectDir, args);
		if (settings.attach() == null && !RATE_LIMIT_LIFTED.equals(System.getenv("SPRING_APPLICATION_JSON"))) {
			System.exit(relaunchWithRateLimitLifted(args));
		}
		new Benchmark(settings, System.out, Clock.systemUTC()).run();
	}

	/** Environment variables are fixed for a running JVM, and the platform's parts inherit this JVM's. */
	private static int relaunchWithRateLimitLifted(String[] args) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(BenchmarkCommand.class.getName());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
		builder.environment().put("SPRING_APPLICATION_JSON", RATE_LIMIT_LIFTED);
		Process process = builder.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		return process.waitFor();
	}

}
