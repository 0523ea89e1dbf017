package io.eventplatform.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a run measures and how long: the full run's sizes are the issue's; {@code --smoke} shrinks every count and
 * duration so the harness is exercised end to end in a couple of minutes.
 *
 * @param repeats rounds of K, H, R, G, N, B and E2E; every figure is the median over them
 * @param startups how many times the platform is started to time it (the last start is measured on)
 * @param warmupSlice length of each wrk run while warming a target up; its rates make the warm-up series
 * @param warmupMax the longest a target is warmed up when its rate does not settle
 * @param duration of each wrk run
 * @param kafkaRecords records per ProducerPerformance / ConsumerPerformance run
 * @param backlog readings written at once for catch-up (warm, then with the consumers stopped)
 * @param e2eMaxRate caps E2E's rate (half of G); 0 for no cap
 * @param attach a platform already running, instead of starting one
 * @param consumingParts the services that consume weather.readings, stopped together for catch-up
 */
public record BenchmarkSettings(boolean smoke, int repeats, int startups, Duration warmupSlice, Duration warmupMax,
		Duration duration, int threads,
		int connections, long kafkaRecords, int recordSize, int batchSize, Duration e2eDuration, double e2eMaxRate,
		long backlog, int catchUpRepeats, Path projectDir, Path outputDir, String note, @Nullable Attach attach,
		String clientId, String clientSecret, String streamsGroup, List<String> consumingParts, List<String> arguments) {

	/** A running platform: its gateway, weather-ingest-service and broker. */
	public record Attach(URI gateway, URI weatherIngest, String bootstrapServers) {
	}

	/** The Kafka Streams application and the warehouse sync: each its own service since the warehouse left analytics. */
	static final List<String> CONSUMING_PARTS = List.of("analytics-service", "warehouse-service");

	static BenchmarkSettings full(Path projectDir) {
		return new BenchmarkSettings(false, 5, 3, Duration.ofSeconds(5), Duration.ofSeconds(180), Duration.ofSeconds(30), 2, 64, 1_000_000, 1024,
				500, Duration.ofSeconds(60), 0, 1_000_000, 3, projectDir, projectDir.resolve("benchmarks/results"), "",
				null, "demo-client", "demo-secret", "analytics-service", CONSUMING_PARTS, List.of());
	}

	static BenchmarkSettings smoke(Path projectDir) {
		return new BenchmarkSettings(true, 1, 1, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2), 2, 16, 20_000, 1024, 500,
				Duration.ofSeconds(3), 200, 5_000, 1, projectDir, projectDir.resolve("benchmarks/target/smoke-results"),
				"Smoke run: tiny counts, one repetition; proves the harness, not the figures.", null, "demo-client",
				"demo-secret", "analytics-service", CONSUMING_PARTS, List.of());
	}

	/** {@code --smoke} first picks the preset; every other option overrides one value of it. */
	static BenchmarkSettings parse(Path projectDir, String[] args) {
		List<String> list = List.of(args);
		BenchmarkSettings s = list.contains("--smoke") ? smoke(projectDir) : full(projectDir);
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--smoke")) {
				continue;
			}
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument '" + arg + "'; see --help");
			}
			String name = arg.substring(2);
			String value;
			if (name.contains("=")) {
				value = name.substring(name.indexOf('=') + 1);
				name = name.substring(0, name.indexOf('='));
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
			options.put(name, value);
		}
		URI gateway = null;
		URI ingest = null;
		String bootstrap = null;
		for (Map.Entry<String, String> option : options.entrySet()) {
			String v = option.getValue();
			switch (option.getKey()) {
				case "repeats" -> s = s.with(b -> b.repeats = Integer.parseInt(v));
				case "startups" -> s = s.with(b -> b.startups = Integer.parseInt(v));
				case "warmup-slice" -> s = s.with(b -> b.warmupSlice = duration(v));
				case "warmup-max" -> s = s.with(b -> b.warmupMax = duration(v));
				case "duration" -> s = s.with(b -> b.duration = duration(v));
				case "threads" -> s = s.with(b -> b.threads = Integer.parseInt(v));
				case "connections" -> s = s.with(b -> b.connections = Integer.parseInt(v));
				case "kafka-records" -> s = s.with(b -> b.kafkaRecords = Long.parseLong(v));
				case "record-size" -> s = s.with(b -> b.recordSize = Integer.parseInt(v));
				case "batch-size" -> s = s.with(b -> b.batchSize = Integer.parseInt(v));
				case "e2e-duration" -> s = s.with(b -> b.e2eDuration = duration(v));
				case "e2e-max-rate" -> s = s.with(b -> b.e2eMaxRate = Double.parseDouble(v));
				case "backlog" -> s = s.with(b -> b.backlog = Long.parseLong(v));
				case "catch-up-repeats" -> s = s.with(b -> b.catchUpRepeats = Integer.parseInt(v));
				case "out" -> s = s.with(b -> b.outputDir = Path.of(v).toAbsolutePath());
				case "note" -> s = s.with(b -> b.note = v);
				case "client-id" -> s = s.with(b -> b.clientId = v);
				case "client-secret" -> s = s.with(b -> b.clientSecret = v);
				case "streams-group" -> s = s.with(b -> b.streamsGroup = v);
				case "gateway" -> gateway = URI.create(v);
				case "weather-ingest" -> ingest = URI.create(v);
				case "bootstrap-servers" -> bootstrap = v;
				default -> throw new IllegalArgumentException("Unknown option --" + option.getKey() + "; see --help");
			}
		}
		if (gateway != null || ingest != null || bootstrap != null) {
			if (gateway == null || ingest == null || bootstrap == null) {
				throw new IllegalArgumentException(
						"To attach to a running platform give all of --gateway, --weather-ingest and --bootstrap-servers");
			}
			Attach attach = new Attach(gateway, ingest, bootstrap);
			s = s.with(b -> b.attach = attach);
		}
		return s.with(b -> b.arguments = list);
	}

	static Duration duration(String text) {
		String value = text.trim().toLowerCase();
		if (value.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
		}
		if (value.endsWith("m")) {
			return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
		}
		if (value.endsWith("s")) {
			return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
		}
		return Duration.ofSeconds(Long.parseLong(value));
	}

	/** The settings as the report shows them. */
	Map<String, Object> describe() {
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("mode", smoke ? "smoke" : "full");
		run.put("note", note);
		run.put("arguments", arguments.stream().map(arg -> arg.contains(" ") ? "\"" + arg + "\"" : arg)
			.collect(java.util.stream.Collectors.joining(" ")));
		run.put("platform", attach == null ? "started by the harness as ./run.sh starts it (free ports, fresh data directory)"
				: "attached: gateway " + attach.gateway() + ", weather-ingest " + attach.weatherIngest() + ", broker "
						+ attach.bootstrapServers());
		run.put("repetitions", repeats);
		run.put("platform starts timed", attach == null ? startups : 0);
		run.put("wrk", threads + " threads, " + connections + " connections, " + duration.toSeconds() + " s per run");
		run.put("warm-up", "per target, slices of " + warmupSlice.toSeconds() + " s until the rate is steady, at most "
				+ warmupMax.toSeconds() + " s");
		run.put("Kafka tools", kafkaRecords + " records of " + recordSize + " bytes per run");
		run.put("batch size", batchSize);
		run.put("E2E", e2eDuration.toSeconds() + " s at half of G" + (e2eMaxRate > 0 ? " (capped at " + e2eMaxRate + "/s)" : ""));
		run.put("catch-up", backlog + " readings, warm and after a restart, " + catchUpRepeats + " repetition(s)");
		return run;
	}

	private BenchmarkSettings with(java.util.function.Consumer<Builder> change) {
		Builder b = new Builder(this);
		change.accept(b);
		return b.build();
	}

	private static final class Builder {

		boolean smoke;

		int repeats;

		int startups;

		Duration warmupSlice;

		Duration warmupMax;

		Duration duration;

		int threads;

		int connections;

		long kafkaRecords;

		int recordSize;

		int batchSize;

		Duration e2eDuration;

		double e2eMaxRate;

		long backlog;

		int catchUpRepeats;

		Path projectDir;

		Path outputDir;

		String note;

		@Nullable Attach attach;

		String clientId;

		String clientSecret;

		String streamsGroup;

		List<String> consumingParts;

		List<String> arguments;

		Builder(BenchmarkSettings s) {
			smoke = s.smoke;
			repeats = s.repeats;
			startups = s.startups;
			warmupSlice = s.warmupSlice;
			warmupMax = s.warmupMax;
			duration = s.duration;
			threads = s.threads;
			connections = s.connections;
			kafkaRecords = s.kafkaRecords;
			recordSize = s.recordSize;
			batchSize = s.batchSize;
			e2eDuration = s.e2eDuration;
			e2eMaxRate = s.e2eMaxRate;
			backlog = s.backlog;
			catchUpRepeats = s.catchUpRepeats;
			projectDir = s.projectDir;
			outputDir = s.outputDir;
			note = s.note;
			attach = s.attach;
			clientId = s.clientId;
			clientSecret = s.clientSecret;
			streamsGroup = s.streamsGroup;
			consumingParts = s.consumingParts;
			arguments = new ArrayList<>(s.arguments);
		}

		BenchmarkSettings build() {
			return new BenchmarkSettings(smoke, repeats, startups, warmupSlice, warmupMax, duration, threads, connections, kafkaRecords,
					recordSize, batchSize, e2eDuration, e2eMaxRate, backlog, catchUpRepeats, projectDir, outputDir, note,
					attach, clientId, clientSecret, streamsGroup, List.copyOf(consumingParts), List.copyOf(arguments));
		}

	}

}
