package io.eventplatform.benchmarks.codec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import io.eventplatform.benchmarks.report.Machine;
import io.eventplatform.benchmarks.report.Summary;

/**
 * {@code benchmarks/run.sh codec}: runs {@link CodecBenchmark} with JMH and writes {@code codec.md}. Each round runs
 * every benchmark once in a JVM of its own (warmed up, then measured), the two codecs of an operation back to back and
 * in alternating order, so a machine that gets busier during the run weighs on both alike; ratios are taken within a
 * round, and every figure is the median over the rounds with its range.
 */
public final class CodecBenchmarkCommand {

	private static final String HELP = """
			benchmarks/run.sh codec [options]

			Measures one event written and read by event-contract's CloudEvents header codec and by the CloudEvents
			SDK's Kafka binding (JMH: processor time, wall-clock time and bytes allocated per operation), and writes
			<out>/codec.md.

			  --rounds N       JVMs per benchmark, interleaved (default 5)
			  --iterations N   measured iterations of 1 s per JVM, after as many warm-up ones (default 5)
			  --quick          1 round, 2 iterations: proves the harness, not the figures
			  --out DIR        where the report goes (default benchmarks/results)
			""";

	private static final List<String> OPERATIONS = List.of("Write", "Read", "WriteHeaders", "ReadHeaders");

	private static final List<String> CODECS = List.of("handWritten", "sdk");

	private CodecBenchmarkCommand() {
	}

	/** One benchmark's figures in one round. */
	record Sample(double cpuNanos, double wallNanos, double bytes) {
	}

	public static void main(String[] args) throws RunnerException, IOException {
		List<String> list = List.of(args);
		if (list.contains("--help") || list.contains("-h")) {
			System.out.print(HELP);
			return;
		}
		boolean quick = list.contains("--quick");
		int rounds = Integer.parseInt(option(list, "--rounds", quick ? "1" : "5"));
		int iterations = Integer.parseInt(option(list, "--iterations", quick ? "2" : "5"));
		Path out = Path.of(option(list, "--out", System.getProperty("project.root", ".") + "/benchmarks/results"));
		Machine machine = Machine.current();
		Instant started = Clock.systemUTC().instant();
		Map<String, List<Sample>> samples = new LinkedHashMap<>();
		for (int round = 1; round <= rounds; round++) {
			for (String operation : OPERATIONS) {
				List<String> order = round % 2 == 1 ? CODECS : List.of(CODECS.get(1), CODECS.get(0));
				for (String codec : order) {
					Sample sample = run(codec + operation, iterations);
					samples.computeIfAbsent(codec + operation, name -> new ArrayList<>()).add(sample);
					System.out.printf(Locale.ROOT, "round %d of %d: %-24s %8.0f ns/op CPU %8.0f ns/op wall %7.0f B/op%n",
							round, rounds, codec + operation, sample.cpuNanos(), sample.wallNanos(), sample.bytes());
				}
			}
		}
		String report = report(samples, machine, started, rounds, iterations);
		Files.createDirectories(out);
		Files.writeString(out.resolve("codec.md"), report);
		System.out.println();
		System.out.print(report);
		System.out.println("Report: " + out.resolve("codec.md"));
	}

	private static Sample run(String benchmark, int iterations) throws RunnerException {
		RunResult result = new Runner(new OptionsBuilder()
			.include(Pattern.quote(CodecBenchmark.class.getName() + "." + benchmark) + "$")
			.forks(1)
			.warmupIterations(iterations)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(iterations)
			.measurementTime(TimeValue.seconds(1))
			.addProfiler(GCProfiler.class)
			.addProfiler(CpuTimeProfiler.class)
			.verbosity(VerboseMode.SILENT)
			.build()).runSingle();
		// Both profilers were added above, so both results are there.
		return new Sample(Objects.requireNonNull(result.getSecondaryResults().get(CpuTimeProfiler.CPU_TIME)).getScore(),
				result.getPrimaryResult().getScore(),
				Objects.requireNonNull(result.getSecondaryResults().get("gc.alloc.rate.norm")).getScore());
	}

	private static String report(Map<String, List<Sample>> samples, Machine machine, Instant started, int rounds,
			int iterations) {
		List<String> lines = new ArrayList<>();
		lines.add("# CloudEvents header codec: event-contract's own against the CloudEvents SDK's Kafka binding");
		lines.add("");
		lines.add("Run " + started + " with `benchmarks/run.sh codec` (JMH 1.37: " + rounds + " rounds, each benchmark in a"
				+ " JVM of its own per round, " + iterations + " iterations of 1 s after as many warm-up ones).");
		lines.add("Machine: " + machine.cores() + " cores, " + machine.cpuModel() + ", " + machine.memoryMiB()
				+ " MiB; " + machine.jdk() + "; load average at the start " + machine.loadAverage() + ".");
		lines.add("");
		lines.add("Per event: the median over the rounds, [min–max]; SDK / own is the median of the ratios taken"
				+ " within each round. CPU is the processor time of the benchmark JVM's threads (not the"
				+ " JIT compiler's or the collector's); wall is JMH's score, which a busy machine inflates.");
		lines.add("");
		lines.add("| operation | CPU ns, own | CPU ns, SDK | SDK / own | wall ns, own | wall ns, SDK | SDK / own"
				+ " | bytes, own | bytes, SDK | SDK / own |");
		lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (String operation : OPERATIONS) {
			List<Sample> own = Objects.requireNonNull(samples.get("handWritten" + operation));
			List<Sample> sdk = Objects.requireNonNull(samples.get("sdk" + operation));
			lines.add("| " + describe(operation) + " | " + column(own, sdk, Sample::cpuNanos) + " | "
					+ column(own, sdk, Sample::wallNanos) + " | " + column(own, sdk, Sample::bytes) + " |");
		}
		lines.add("");
		lines.add("write: `EventSerializer` (own) or `CloudEventBuilder` + `io.cloudevents.kafka.CloudEventSerializer`"
				+ " (SDK), JSON data by Jackson 3 in both; read: `EventDeserializer` (own) or"
				+ " `KafkaMessageFactory.createReader(headers, data).toEvent()` plus the checks the SDK does not make"
				+ " (SDK), every header checked, JSON data by Jackson 3 in both; headers only: the same without the"
				+ " JSON. The event is a weather reading (`WeatherReadingRecorded`); a read gets the six CloudEvents"
				+ " headers and `traceparent`.");
		return String.join("\n", lines) + "\n";
	}

	private static String column(List<Sample> own, List<Sample> sdk, ToDoubleFunction<Sample> figure) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < own.size(); i++) {
			ratios.add(figure.applyAsDouble(sdk.get(i)) / figure.applyAsDouble(own.get(i)));
		}
		return spread(own.stream().map(figure::applyAsDouble).toList(), "%.0f") + " | "
				+ spread(sdk.stream().map(figure::applyAsDouble).toList(), "%.0f") + " | " + spread(ratios, "%.2f");
	}

	private static String spread(List<Double> values, String format) {
		Summary summary = Summary.of(values);
		String median = String.format(Locale.ROOT, format, summary.median());
		return summary.n() == 1 ? median
				: median + String.format(Locale.ROOT, " [" + format + "–" + format + "]", summary.min(), summary.max());
	}

	private static String describe(String operation) {
		return switch (operation) {
			case "Write" -> "write (event → headers + JSON)";
			case "Read" -> "read (headers + JSON → event)";
			case "WriteHeaders" -> "write, headers only";
			default -> "read, headers only";
		};
	}

	private static String option(List<String> args, String name, String fallback) {
		int index = args.indexOf(name);
		return index >= 0 && index + 1 < args.size() ? args.get(index + 1) : fallback;
	}

}
