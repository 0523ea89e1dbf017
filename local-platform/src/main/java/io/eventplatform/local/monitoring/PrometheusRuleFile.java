package io.eventplatform.local.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The platform's Prometheus rules as a plain rule file ({@code groups:} at the top), made from the one source,
 * {@code k8s/base/monitoring/prometheusrules.yaml}: a PrometheusRule's {@code spec} has exactly a rule file's
 * structure, so its lines below {@code spec:} lose their two spaces of indentation. Done on the text, not by parsing
 * and writing YAML again, so that block scalars and comments stay as written; promtool checks the result.
 */
public final class PrometheusRuleFile {

	/** Where the source lies under the repository root. */
	public static final Path SOURCE = Path.of("k8s", "base", "monitoring", "prometheusrules.yaml");

	private PrometheusRuleFile() {
	}

	/** The rule file's text for the PrometheusRule in {@code source}. */
	public static String fromPrometheusRule(Path source) {
		List<String> lines;
		try {
			lines = Files.readAllLines(source);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int spec = lines.indexOf("spec:");
		if (spec < 0) {
			throw new IllegalArgumentException(source + " has no top-level 'spec:'");
		}
		StringBuilder rules = new StringBuilder("# Made from ").append(source.getFileName())
			.append(" (its spec) by local-platform: edit that file, not this one.\n");
		for (String line : lines.subList(spec + 1, lines.size())) {
			if (line.isBlank()) {
				rules.append('\n');
			}
			else if (line.startsWith("  ")) {
				rules.append(line, 2, line.length()).append('\n');
			}
			else {
				throw new IllegalArgumentException(
						source + ": 'spec:' must be the last top-level key, and one object only: " + line);
			}
		}
		return rules.toString();
	}

	/** Writes the rule file for {@code source} to {@code target}, replacing what was there. */
	public static Path write(Path source, Path target) {
		try {
			Files.createDirectories(target.toAbsolutePath().getParent());
			Files.writeString(target, fromPrometheusRule(source));
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
