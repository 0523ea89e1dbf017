package io.eventplatform.local.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMonitoringTests {

	private static final Path PROJECT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();

	@TempDir
	Path temp;

	@Test
	void mailsAlertsToTheOperationsAddressNotificationServiceMailsFraudAlertsTo() throws Exception {
		String configuration = Files
			.readString(PROJECT.resolve("notification-service/src/main/resources/application.yml"));
		Matcher address = Pattern.compile("operations-addresses:\\s*(\\S+)").matcher(configuration);

		assertThat(address.find()).isTrue();
		assertThat(LocalMonitoring.OPERATIONS_ADDRESS).isEqualTo(address.group(1));
		assertThat(monitoring().writeAlertmanagerConfiguration())
			.content()
			.contains("to: " + address.group(1), "smarthost: 127.0.0.1:3025", "require_tls: false");
	}

	@Test
	void scrapesEveryManagementPortTheExporterAndEachBrokerWithTheNamespaceTheRulesSelectOn() throws Exception {
		// When
		Path configuration = monitoring().writePrometheusConfiguration(PROJECT.resolve(PrometheusRuleFile.SOURCE));

		// Then
		assertThat(configuration).content()
			.contains("- event-platform.rules.yml", "targets: [\"127.0.0.1:9098\"]", "metrics_path: /actuator/prometheus",
					"targets: [\"127.0.0.1:9080\"]\n        labels: {namespace: event-platform, pod: gateway}",
					"targets: [\"127.0.0.1:9081\"]\n        labels: {namespace: event-platform, pod: registration-service}",
					"targets: [\"127.0.0.1:9308\"]", "targets: [\"127.0.0.1:9404\"]",
					"targets: [\"127.0.0.1:9406\"]\n        labels: {namespace: event-platform, pod: kafka-broker-3}");
		assertThat(temp.resolve("monitoring/event-platform.rules.yml")).content().startsWith("# Made from").contains("groups:");
	}

	@Test
	void runsAlertmanagerAloneSinceItsGossipPortWouldTakeAKafkaNodes() {
		assertThat(monitoring().alertmanagerCommand(Path.of("/usr/bin/prometheus-alertmanager"), Path.of("a.yml")))
			.contains("--cluster.listen-address=", "--web.listen-address=127.0.0.1:9098");
		assertThat(monitoring().prometheusCommand(Path.of("/usr/bin/prometheus"), Path.of("p.yml")))
			.contains("--web.listen-address=127.0.0.1:9090");
	}

	private LocalMonitoring monitoring() {
		Map<String, Integer> management = new LinkedHashMap<>();
		List<String> names = List.of("registration-service", "weather-ingest-service", "transaction-service",
				"notification-service", "analytics-service", "warehouse-service", "gateway");
		for (int i = 0; i < names.size(); i++) {
			management.put(names.get(i), MonitoringSettings.defaults().management().get(i));
		}
		return new LocalMonitoring(temp.resolve("monitoring"), MonitoringSettings.defaults(), 3025, management, 3);
	}

}
