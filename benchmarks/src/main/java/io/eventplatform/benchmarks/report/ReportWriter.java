package io.eventplatform.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code report.md} for people and {@code figures.json} for tools, from the same figures. */
public final class ReportWriter {

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ReportWriter() {
	}

	/**
	 * @param run what was run: mode, repetitions, sizes, the note on how quiet the machine was
	 */
	public static void write(Path directory, Machine machine, @Nullable PlatformJvm platformJvm, Map<String, Object> run,
			List<Figure> figures, List<CpuPerEvent.Table> cpuPerEvent, List<String> notes, Instant generatedAt) {
		try {
			Files.createDirectories(directory);
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("generatedAt", generatedAt.toString());
			document.put("machine", machine);
			document.put("platformJvm", platformJvm);
			document.put("run", run);
			document.put("figures", figures);
			document.put("cpuPerEvent", cpuPerEvent);
			document.put("notes", notes);
			Files.writeString(directory.resolve("figures.json"), json.writeValueAsString(document));
			Files.writeString(directory.resolve("report.md"), markdown(machine, platformJvm, run, figures, cpuPerEvent, notes,
					generatedAt));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String markdown(Machine machine, @Nullable PlatformJvm platformJvm, Map<String, Object> run,
			List<Figure> figures, List<CpuPerEvent.Table> cpuPerEvent, List<String> notes, Instant generatedAt) {
		StringBuilder md = new StringBuilder();
		md.append("# Benchmark report\n\n");
		Object note = run.get("note");
		if (note != null && !note.toString().isBlank()) {
			md.append("> **").append(note).append("**\n\n");
		}
		md.append("Generated ").append(generatedAt).append(" by `benchmarks/run.sh");
		Object args = run.get("arguments");
		if (args != null && !args.toString().isBlank()) {
			md.append(' ').append(args);
		}
		md.append("`.\n\n");
		md.append("## Machine\n\n| | |\n|---|---|\n");
		md.append("| cores | ").append(machine.cores()).append(" |\n");
		md.append("| memory | ").append(machine.memoryMiB()).append(" MiB |\n");
		md.append("| CPU | ").append(machine.cpuModel()).append(" |\n");
		md.append("| JDK of the harness | ").append(machine.jdk()).append(" |\n");
		if (platformJvm != null) {
			md.append("| JVM of the platform's parts (the harness's java.home) | ").append(platformJvm.jvm()).append(" (")
				.append(platformJvm.javaHome()).append(") |\n");
			md.append("| services' JVM options | `").append(String.join(" ", platformJvm.options())).append("` |\n");
			md.append("| JIT | ").append(platformJvm.jit()).append(" |\n");
			md.append("| start-up cache | ").append(platformJvm.startupCacheSummary()).append(" |\n");
		}
		md.append("| OS | ").append(machine.os()).append(" |\n");
		md.append("| load average at start (1/5/15 min) | ").append(machine.loadAverage()).append(" |\n\n");
		md.append("## Run\n\n| | |\n|---|---|\n");
		run.forEach((key, value) -> {
			if (!"note".equals(key) && !"arguments".equals(key)) {
				md.append("| ").append(key).append(" | ").append(value).append(" |\n");
			}
		});
		md.append('\n');

		List<Figure> targets = figures.stream().filter(figure -> figure.target() != null).toList();
		md.append("## Targets\n\n| target | median | spread (min–max) | n | goal | result | margin |\n|---|---|---|---|---|---|---|\n");
		for (Figure figure : targets) {
			Target target = Objects.requireNonNull(figure.target());
			Summary summary = figure.summary();
			md.append("| ").append(figure.title()).append(" | ").append(value(figure)).append(" | ")
				.append(spread(figure)).append(" | ").append(summary != null ? summary.n() : 0).append(" | ")
				.append(target.comparison().symbol()).append(' ').append(format(target.value())).append(' ')
				.append(figure.unit()).append(" | ")
				.append(summary == null ? "**not measured**" : target.met() ? "met" : "**missed**").append(" | ")
				.append(summary != null ? String.format(Locale.ROOT, "%+.1f %%", target.margin() * 100) : "–")
				.append(" |\n");
		}
		md.append("\nMargin: how far the median is beyond (+) or short of (−) the target, relative to the target. "
				+ "Where the time goes for each missed target, with profiles and what was tried: "
				+ "[profiles.md](profiles.md).\n\n");
		List<Figure> ratios = figures.stream().filter(figure -> figure.key().startsWith("ratio.")).toList();
		if (!ratios.isEmpty()) {
			md.append("Beside them, the ratios against Kafka's own tools and nginx (informational, no target):\n\n"
					+ "| ratio | median | spread (min–max) | n |\n|---|---|---|---|\n");
			ratios.forEach(figure -> md.append("| ").append(figure.title()).append(" | ").append(value(figure))
				.append(" | ").append(spread(figure)).append(" | ")
				.append(figure.summary() != null ? Objects.requireNonNull(figure.summary()).n() : 0).append(" |\n"));
			md.append('\n');
		}
		md.append(cpuTables(cpuPerEvent));

		md.append("## Figures\n\nEach a median over the repetitions, with its spread; ratios are computed within one "
				+ "repetition, then their median taken.\n\n");
		md.append("| figure | median | spread (min–max) | IQR | n | unit | status |\n|---|---|---|---|---|---|---|\n");
		for (Figure figure : figures) {
			Summary summary = figure.summary();
			md.append("| ").append(figure.title()).append(" | ").append(value(figure)).append(" | ")
				.append(spread(figure)).append(" | ")
				.append(summary != null ? format(summary.q1()) + "–" + format(summary.q3()) : "–")
				.append(" | ").append(summary != null ? summary.n() : 0).append(" | ").append(figure.unit())
				.append(" | ").append(summary != null ? "measured" : "not run (" + figure.notRun() + "): " + figure.reason())
				.append(" |\n");
		}
		md.append('\n');
		List<Figure> notRun = figures.stream().filter(figure -> !figure.measured()).toList();
		if (!notRun.isEmpty()) {
			md.append("## Not measured in this run\n\n");
			notRun.forEach(figure -> md.append("- **").append(figure.title()).append("** (`").append(figure.key())
				.append("`): ").append(figure.notRun()).append(" – ").append(figure.reason()).append('\n'));
			md.append('\n');
		}
		md.append("## Details\n\n");
		for (Figure figure : figures) {
			if (!figure.details().isEmpty()) {
				md.append("- `").append(figure.key()).append("`: ")
					.append(figure.details().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
						.sorted().collect(Collectors.joining("; ")))
					.append('\n');
			}
		}
		md.append('\n');
		if (!notes.isEmpty()) {
			md.append("## How each figure is measured\n\n");
			notes.forEach(line -> md.append("- ").append(line).append('\n'));
		}
		return md.toString();
	}

	/** One table per figure: what each part spent per request or reading, median over the runs. */
	static String cpuTables(List<CpuPerEvent.Table> tables) {
		if (tables.isEmpty()) {
			return "";
		}
		StringBuilder md = new StringBuilder("## CPU per event\n\nCPU time (user and system) of each part during the "
				+ "figure's measured runs, divided by the requests or readings completed; median over the runs. Parts "
				+ "below 1 µs are left out.\n\n");
		for (CpuPerEvent.Table table : tables) {
			md.append("**").append(table.figure()).append("**, µs per ").append(table.unit()).append(" (")
				.append(table.runs()).append(table.runs() == 1 ? " run" : " runs").append(")\n\n| part | µs per ")
				.append(table.unit()).append(" |\n|---|---|\n");
			table.micros().forEach((part, micros) -> {
				if (micros >= 1) {
					md.append("| ").append(part).append(" | ").append(format(micros)).append(" |\n");
				}
			});
			md.append("| **total** | ").append(format(table.total())).append(" |\n\n");
		}
		return md.toString();
	}

	private static String value(Figure figure) {
		Summary summary = figure.summary();
		return summary != null ? format(summary.median()) : "–";
	}

	private static String spread(Figure figure) {
		Summary summary = figure.summary();
		return summary != null ? format(summary.min()) + "–" + format(summary.max()) : "–";
	}

	public static String format(double value) {
		double abs = Math.abs(value);
		if (abs >= 1000) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (abs >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.3f", value);
	}

}
