package io.eventplatform.k8s.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eventplatform.local.monitoring.PrometheusRuleFile;

/**
 * The one source of the platform's Prometheus rules (the PrometheusRule {@code k8s/} deploys, which the local
 * Prometheus loads as a rule file) passes {@code promtool check rules}, and every alert and recording rule passes its
 * {@code promtool test rules} cases in {@code k8s/base/monitoring/rules-tests/}. Without promtool the promtool tests
 * are skipped, saying how to install it, unless {@code -Dmonitoring.tools.required=true} (CI) makes that a failure.
 */
class PrometheusRulesTests {

	private static final Path ROOT = Path.of(System.getProperty("repository.root", ".."));

	private static final Path RULES = ROOT.resolve(PrometheusRuleFile.SOURCE);

	private static final Path TESTS = ROOT.resolve("k8s/base/monitoring/rules-tests");

	/** The name the test files give the rule file in {@code rule_files}. */
	private static final String RULE_FILE = "event-platform.rules.yml";

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	@TempDir
	Path work;

	@Test
	void ruleFileForTheLocalPrometheusIsThePrometheusRulesSpec() throws Exception {
		// Given the PrometheusRule k8s/ deploys
		JsonNode spec = YAML.readTree(RULES.toFile()).get("spec");

		// When local-platform makes the local Prometheus' rule file of it
		JsonNode ruleFile = YAML.readTree(PrometheusRuleFile.fromPrometheusRule(RULES));

		// Then both hold the same groups, rule for rule
		assertThat(ruleFile).isEqualTo(spec);
		assertThat(ruleFile.get("groups")).hasSizeGreaterThan(3);
	}

	@Test
	void everyAlertHasCasesThatFireAndCasesThatDoNot() throws Exception {
		List<JsonNode> cases = alertCases();
		Set<String> untested = new TreeSet<>();
		for (JsonNode rule : rules()) {
			if (!rule.has("alert")) {
				continue;
			}
			String alert = rule.get("alert").asText();
			List<JsonNode> ofAlert = cases.stream().filter(c -> c.get("alertname").asText().equals(alert)).toList();
			if (ofAlert.stream().noneMatch(c -> !c.path("exp_alerts").isEmpty())) {
				untested.add(alert + " (no case where it fires)");
			}
			if (ofAlert.stream().noneMatch(c -> c.path("exp_alerts").isEmpty())) {
				untested.add(alert + " (no case where it does not fire)");
			}
		}
		assertThat(untested).as("alerts without promtool cases in " + TESTS).isEmpty();
	}

	@Test
	void everyRecordingRuleIsUsedByATestedAlertOrTestedItself() throws Exception {
		StringBuilder tested = new StringBuilder();
		for (JsonNode test : testFiles()) {
			test.path("tests").forEach(t -> t.path("promql_expr_test").forEach(e -> tested.append(e.get("expr").asText())));
		}
		rules().stream().filter(rule -> rule.has("alert")).forEach(rule -> tested.append(rule.get("expr").asText()));
		List<String> unused = rules().stream()
			.filter(rule -> rule.has("record"))
			.map(rule -> rule.get("record").asText())
			.filter(record -> !tested.toString().contains(record))
			.toList();
		assertThat(unused).as("recording rules neither used by an alert nor tested by a promql_expr_test").isEmpty();
	}

	@Test
	void rulesPassPromtoolCheckAndTheirUnitTests() throws Exception {
		// Given the rule file as the local Prometheus gets it, beside the test files that name it
		Path promtool = promtool();
		Path ruleFile = PrometheusRuleFile.write(RULES, work.resolve(RULE_FILE));
		List<String> testFiles = new ArrayList<>();
		try (Stream<Path> files = Files.list(TESTS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".test.yaml")).sorted().toList()) {
				Files.copy(file, work.resolve(file.getFileName()));
				testFiles.add(file.getFileName().toString());
			}
		}
		assertThat(testFiles).isNotEmpty();

		// When promtool checks the rules and runs every case; then both pass
		run(List.of(promtool.toString(), "check", "rules", ruleFile.toString()));
		List<String> test = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
		test.addAll(testFiles);
		run(test);
	}

	private void run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + " said:\n" + output).isZero();
	}

	/** promtool from the PATH; skipped (or, with monitoring.tools.required=true, failed) without it. */
	private static Path promtool() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir.isEmpty() ? "." : dir, "promtool");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		String missing = "promtool is not installed, so the Prometheus rules' unit tests did not run: install it with "
				+ "'apt-get install prometheus' (Debian, Ubuntu) or from prometheus.io";
		if (Boolean.getBoolean("monitoring.tools.required")) {
			fail(missing + " (monitoring.tools.required=true)");
		}
		abort(missing);
		throw new IllegalStateException("unreachable");
	}

	private static List<JsonNode> rules() throws Exception {
		List<JsonNode> rules = new ArrayList<>();
		YAML.readTree(RULES.toFile()).get("spec").get("groups").forEach(group -> group.get("rules").forEach(rules::add));
		return rules;
	}

	private static List<JsonNode> alertCases() throws Exception {
		List<JsonNode> cases = new ArrayList<>();
		for (JsonNode test : testFiles()) {
			test.path("tests").forEach(t -> t.path("alert_rule_test").forEach(cases::add));
		}
		return cases;
	}

	private static List<JsonNode> testFiles() throws Exception {
		List<JsonNode> tests = new ArrayList<>();
		try (Stream<Path> files = Files.list(TESTS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".test.yaml")).sorted().toList()) {
				tests.add(YAML.readTree(file.toFile()));
			}
		}
		return tests;
	}

}
