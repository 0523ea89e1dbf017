package io.eventplatform.local.monitoring;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prometheus and Alertmanager as Debian's packages install them ({@code prometheus}, {@code prometheus-alertmanager}),
 * configured for the local platform: every application's management port, the Kafka groups and readiness exporter and each
 * Kafka node's JMX exporter agent are scraped every 10 s with the labels Kubernetes would add ({@code namespace}),
 * the rules are those {@code k8s/} deploys, and alerts go by mail through the local SMTP server to the operations
 * address, where they show up in the mailbox like the fraud mails. Everything listens on loopback; the data lives
 * under {@code <dataDir>/monitoring}.
 *
 * @param directory where the configuration and the data go ({@code <dataDir>/monitoring})
 * @param ports the monitoring ports
 * @param smtpPort the local SMTP server
 * @param managementPorts each application's name and management port
 * @param kafkaNodes how many Kafka nodes run (each with its JMX exporter agent)
 */
public record LocalMonitoring(Path directory, MonitoringSettings ports, int smtpPort,
		Map<String, Integer> managementPorts, int kafkaNodes) {

	/**
	 * Who gets the alerts: the platform's operations address, as notification-service's
	 * {@code platform.notification.operations-addresses} (LocalMonitoringTests keeps the two the same).
	 */
	public static final String OPERATIONS_ADDRESS = "fraud-operations@eventplatform.io";

	/** The label Kubernetes gives every series from the platform's namespace, on which the rules select. */
	public static final String NAMESPACE = "event-platform";

	/** Debian installs Alertmanager as {@code prometheus-alertmanager}; upstream's archive calls it alertmanager. */
	private static final List<String> ALERTMANAGER_NAMES = List.of("prometheus-alertmanager", "alertmanager");

	public LocalMonitoring {
		managementPorts = Map.copyOf(managementPorts);
	}

	/** An executable of that name on the PATH. */
	public static Optional<Path> onPath(String name) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	public static Optional<Path> prometheusBinary() {
		return onPath("prometheus");
	}

	public static Optional<Path> alertmanagerBinary() {
		return ALERTMANAGER_NAMES.stream().map(LocalMonitoring::onPath).flatMap(Optional::stream).findFirst();
	}

	/** What to tell a user without Prometheus. */
	public static String installHint() {
		return "Prometheus is not installed, so the platform runs without local monitoring. To have it (Prometheus on "
				+ "http://localhost:9090, alerts by mail): sudo apt-get install prometheus prometheus-alertmanager";
	}

	/** Writes Prometheus' configuration and its rule file (made from {@code ruleSource}); returns the configuration. */
	public Path writePrometheusConfiguration(Path ruleSource) {
		Path rules = PrometheusRuleFile.write(ruleSource, directory.resolve("event-platform.rules.yml"));
		StringBuilder yaml = new StringBuilder("""
				# Written by local-platform at every start: edit LocalMonitoring or k8s/base/monitoring/prometheusrules.yaml.
				global:
				  scrape_interval: 10s
				  evaluation_interval: 10s
				rule_files:
				  - %s
				alerting:
				  alertmanagers:
				    - static_configs:
				        - targets: ["127.0.0.1:%d"]
				scrape_configs:
				  - job_name: event-platform-services
				    metrics_path: /actuator/prometheus
				    static_configs:
				""".formatted(rules.getFileName(), ports.alertmanager()));
		managementPorts.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(application -> yaml.append("""
					      - targets: ["127.0.0.1:%d"]
					        labels: {namespace: %s, pod: %s}
					""".formatted(application.getValue(), NAMESPACE, application.getKey())));
		yaml.append("""
				  - job_name: kafka-groups-and-readiness-exporter
				    # Its readiness series name the application they describe in their own pod label.
				    honor_labels: true
				    static_configs:
				      - targets: ["127.0.0.1:%d"]
				        labels: {namespace: %s, pod: kafka-groups-and-readiness-exporter}
				  - job_name: kafka-brokers
				    static_configs:
				""".formatted(ports.groupsAndReadinessExporter(), NAMESPACE));
		for (int node = 0; node < kafkaNodes; node++) {
			yaml.append("""
					      - targets: ["127.0.0.1:%d"]
					        labels: {namespace: %s, pod: kafka-broker-%d}
					""".formatted(ports.brokerMetrics().get(node), NAMESPACE, node + 1));
		}
		return write("prometheus.yml", yaml.toString());
	}

	/** Writes Alertmanager's configuration: every alert to the operations address through the local SMTP server. */
	public Path writeAlertmanagerConfiguration() {
		return write("alertmanager.yml", """
				# Written by local-platform at every start: every alert by mail to the operations address, through the
				# local SMTP server (the mailbox: http://localhost:8025/messages).
				route:
				  receiver: operations
				  group_by: [alertname, namespace]
				  group_wait: 10s
				  group_interval: 1m
				  repeat_interval: 4h
				receivers:
				  - name: operations
				    email_configs:
				      - to: %s
				        from: alertmanager@eventplatform.io
				        smarthost: 127.0.0.1:%d
				        require_tls: false
				        send_resolved: true
				""".formatted(OPERATIONS_ADDRESS, smtpPort));
	}

	public List<String> prometheusCommand(Path binary, Path configuration) {
		return List.of(binary.toString(), "--config.file=" + configuration,
				"--storage.tsdb.path=" + directory.resolve("prometheus-data"),
				"--web.listen-address=127.0.0.1:" + ports.prometheus(), "--storage.tsdb.retention.time=7d");
	}

	/** Alone, not as a cluster: its gossip port (9094 by default) would take a Kafka node's. */
	public List<String> alertmanagerCommand(Path binary, Path configuration) {
		return List.of(binary.toString(), "--config.file=" + configuration,
				"--storage.path=" + directory.resolve("alertmanager-data"),
				"--web.listen-address=127.0.0.1:" + ports.alertmanager(), "--cluster.listen-address=");
	}

	/**
	 * The JVM options that start the Prometheus JMX exporter in Kafka node {@code node} (0-based), with the rules
	 * Strimzi gets in Kubernetes.
	 */
	public List<String> brokerAgentOptions(Path agentJar, Path exporterRules, int node) {
		return List.of("-javaagent:" + agentJar + "=127.0.0.1:" + ports.brokerMetrics().get(node) + ":" + exporterRules);
	}

	private Path write(String name, String content) {
		try {
			Files.createDirectories(directory);
			return Files.writeString(directory.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
