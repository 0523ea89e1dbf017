package io.eventplatform.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.eventplatform.local.PlatformSettings.Application;
import io.eventplatform.local.kafka.KafkaCluster;
import io.eventplatform.local.mail.MailServerProcess;
import io.eventplatform.local.monitoring.KafkaGroupsAndReadinessExporter;
import io.eventplatform.local.monitoring.LocalMonitoring;
import io.eventplatform.local.monitoring.MonitoringSettings;
import io.eventplatform.local.monitoring.PrometheusRuleFile;
import io.eventplatform.local.process.JavaCommand;
import io.eventplatform.local.process.Readiness;
import io.eventplatform.local.process.ServiceJvm;

/**
 * The parts of the platform and how each one is started, derived from the {@link PlatformSettings}.
 */
final class PlatformParts {

	/** Where the build copies the Prometheus JMX exporter agent (local-platform's pom). */
	static final Path JMX_EXPORTER_AGENT = Path.of("local-platform", "target", "agents", "jmx_prometheus_javaagent.jar");

	/** The JMX exporter's rules, shared with Strimzi's metricsConfig. */
	static final Path JMX_EXPORTER_RULES = Path.of("k8s", "base", "kafka", "kafka-metrics.yaml");

	static final String ANALYTICS = "analytics-service";

	static final String CONSOLE = "console";

	private PlatformParts() {
	}

	/** The broker (or the three nodes of a cluster) and the mail server, then the services and the gateway. */
	static List<Part> of(PlatformSettings settings) {
		return of(settings, false);
	}

	/**
	 * @param trainingStartupCache every application writes its AOT cache when it stops ({@link StartupCacheTraining})
	 * instead of using it
	 */
	static List<Part> of(PlatformSettings settings, boolean trainingStartupCache) {
		List<Part> parts = new ArrayList<>();
		KafkaCluster kafka = settings.kafka();
		LocalMonitoring monitoring = settings.monitoring().enabled() ? monitoring(settings) : null;
		Path agent = settings.projectDir().resolve(JMX_EXPORTER_AGENT);
		for (int i = 0; i < kafka.nodes().size(); i++) {
			KafkaCluster.Node node = kafka.nodes().get(i);
			List<String> agentOptions = monitoring == null || !Files.isRegularFile(agent) ? List.of()
					: monitoring.brokerAgentOptions(agent, settings.projectDir().resolve(JMX_EXPORTER_RULES), i);
			parts.add(kafkaNode(kafka, node, agentOptions, agentOptions.isEmpty() ? List.of()
					: List.of(settings.monitoring().brokerMetrics().get(i))));
		}
		parts.add(mailServer(settings));
		if (monitoring != null) {
			parts.addAll(monitoringParts(settings, monitoring));
		}
		settings.applications()
			.forEach(application -> parts.add(application(settings, application, trainingStartupCache)));
		return parts;
	}

	/** One node; the nodes of a cluster start together, since one alone cannot elect a controller. */
	static Part kafkaNode(KafkaCluster kafka, KafkaCluster.Node node) {
		return kafkaNode(kafka, node, List.of(), List.of());
	}

	private static Part kafkaNode(KafkaCluster kafka, KafkaCluster.Node node, List<String> moreJvmOptions,
			List<Integer> morePorts) {
		String label = kafka.size() == 1 ? "kafka broker" : "kafka broker " + node.id();
		List<Integer> ports = new ArrayList<>(List.of(node.port(), node.controllerPort()));
		ports.addAll(morePorts);
		return new Part(kafka.partName(node), label, node.address(), Part.Stage.INFRASTRUCTURE,
				kafka.command(node, moreJvmOptions), kafka.readiness(node), ports, List.of());
	}

	static LocalMonitoring monitoring(PlatformSettings settings) {
		Map<String, Integer> management = new LinkedHashMap<>();
		settings.applications().forEach(application -> management.put(application.name(), application.managementPort()));
		return new LocalMonitoring(settings.dataDir().resolve("monitoring"), settings.monitoring(),
				settings.smtpPort(), management, settings.kafka().size());
	}

	/**
	 * The Kafka groups and readiness exporter (always: it is Java), then Prometheus and Alertmanager where installed. They start
	 * with the broker; Prometheus finds the applications as they come up.
	 */
	static List<Part> monitoringParts(PlatformSettings settings, LocalMonitoring monitoring) {
		List<Part> parts = new ArrayList<>();
		MonitoringSettings ports = settings.monitoring();
		parts.add(new Part("kafka-groups-and-readiness-exporter", "kafka groups and readiness exporter",
				"http://127.0.0.1:" + ports.groupsAndReadinessExporter() + "/metrics", Part.Stage.INFRASTRUCTURE,
				KafkaGroupsAndReadinessExporter.command(ports.groupsAndReadinessExporter(), settings.kafka().bootstrapServers(),
						monitoring.managementPorts()),
				Readiness.acceptsConnections(PlatformSettings.LOOPBACK, ports.groupsAndReadinessExporter()),
				List.of(ports.groupsAndReadinessExporter()), List.of()));
		LocalMonitoring.prometheusBinary().ifPresent(prometheus -> {
			Path configuration = monitoring
				.writePrometheusConfiguration(settings.projectDir().resolve(PrometheusRuleFile.SOURCE));
			parts.add(new Part("prometheus", "prometheus", "http://localhost:" + ports.prometheus(),
					Part.Stage.INFRASTRUCTURE, monitoring.prometheusCommand(prometheus, configuration),
					Readiness.httpOk(URI.create("http://127.0.0.1:" + ports.prometheus() + "/-/ready")),
					List.of(ports.prometheus()), List.of(prometheus)));
		});
		LocalMonitoring.alertmanagerBinary().ifPresent(alertmanager -> {
			Path configuration = monitoring.writeAlertmanagerConfiguration();
			parts.add(new Part("alertmanager", "alertmanager", "http://localhost:" + ports.alertmanager(),
					Part.Stage.INFRASTRUCTURE, monitoring.alertmanagerCommand(alertmanager, configuration),
					Readiness.httpOk(URI.create("http://127.0.0.1:" + ports.alertmanager() + "/-/ready")),
					List.of(ports.alertmanager()), List.of(alertmanager)));
		});
		return parts;
	}

	static Part mailServer(PlatformSettings settings) {
		Readiness readiness = Readiness.allOf(
				Readiness.httpOk(URI.create("http://127.0.0.1:" + settings.mailApiPort() + "/health")),
				Readiness.acceptsConnections("127.0.0.1", settings.smtpPort()));
		return new Part("mail-server", "mail server",
				"127.0.0.1:" + settings.smtpPort() + " (api :" + settings.mailApiPort() + ")",
				Part.Stage.INFRASTRUCTURE, MailServerProcess.command(settings.smtpPort(), settings.mailApiPort()),
				readiness, List.of(settings.smtpPort(), settings.mailApiPort()), List.of());
	}

	/**
	 * A Spring Boot application started from {@code <projectDir>/<name>/target/<name>.jar}, ready when its readiness
	 * group says so.
	 */
	static Part application(PlatformSettings settings, Application application) {
		return application(settings, application, false);
	}

	private static Part application(PlatformSettings settings, Application application, boolean trainingStartupCache) {
		Path projectDir = settings.projectDir();
		Path jar = application.jar(projectDir);
		List<String> jvmOptions = ServiceJvm.OPTIONS;
		Path extracted = application.extractedJar(projectDir);
		if (Files.isRegularFile(extracted) && isUpToDate(extracted, jar)) {
			jar = extracted;
			jvmOptions = startupCache(application.aotCache(projectDir), application.classDataArchive(projectDir),
					extracted, ServiceJvm.hasAotCache(), trainingStartupCache);
		}
		boolean gateway = application.routeKey() == null;
		String address = !gateway ? "127.0.0.1:" + application.port()
				: settings.gatewayExposed() ? "http://" + settings.gatewayAddress() + ":" + application.port()
						: "http://localhost:" + application.port();
		// Actuator answers on the management port only, which stays on loopback even when the gateway listens wider.
		URI readiness = URI.create(
				"http://" + PlatformSettings.LOOPBACK + ":" + application.managementPort() + "/actuator/health/readiness");
		return new Part(application.name(), application.name(), address, Part.Stage.APPLICATIONS,
				JavaCommand.jar(jvmOptions, jar, applicationArguments(settings, application)),
				Readiness.httpOk(readiness), List.of(application.port(), application.managementPort()), List.of(jar));
	}

	/**
	 * One more instance of analytics-service, {@code analytics-service-<instance>}, on these ports: the one service
	 * that can run twice on one machine, since it keeps its state in Kafka Streams' stores (here in
	 * {@code <dataDir>/analytics-service-<instance>}); the others keep their tables in an H2 file only one process
	 * may open. It joins the first instance's group, so the two share the stream tasks.
	 */
	static Part analyticsInstance(PlatformSettings settings, int instance, int port, int managementPort) {
		Part first = application(settings,
				settings.applications().stream().filter(app -> app.name().equals(ANALYTICS)).findFirst().orElseThrow()
					.withPorts(port, managementPort));
		String name = ANALYTICS + "-" + instance;
		List<String> command = new ArrayList<>(first.command());
		command.add("--spring.kafka.streams.state-dir=" + settings.dataDir().resolve(name).resolve("streams"));
		return new Part(name, name, first.address(), first.stage(), command, first.readiness(), first.ports(),
				first.requiredFiles());
	}

	/**
	 * The options for the start the build prepared ({@link ServiceJvm#startupCache}), or for the training run that
	 * writes the AOT cache. The JVM checks a cache or archive against its own version, class path and options and runs
	 * without it otherwise (a stale one costs time, never correctness).
	 */
	static List<String> startupCache(Path aotCache, Path classDataArchive, Path extracted, boolean aotCapable,
			boolean training) {
		if (aotCapable && training) {
			return ServiceJvm.writingAotCache(aotCache);
		}
		return switch (ServiceJvm.startupCache(aotCache, classDataArchive, extracted, aotCapable)) {
			case AOT_CACHE -> ServiceJvm.withAotCache(aotCache);
			case CLASS_DATA_ARCHIVE -> ServiceJvm.withClassDataArchive(classDataArchive);
			case NONE -> ServiceJvm.OPTIONS;
		};
	}

	static boolean isUpToDate(Path derived, Path source) {
		return ServiceJvm.isUpToDate(derived, source);
	}

	/**
	 * Every application gets the same arguments, each ignores those it does not use; only the gateway may listen
	 * beyond the loopback interface, and then it refuses the development secrets. Actuator (health, and metrics
	 * without a token, ADR 2) answers on the application's management port, always on loopback: the gateway routes
	 * only its application port.
	 */
	static List<String> applicationArguments(PlatformSettings settings, Application application) {
		return applicationArguments(settings, application,
				settings.monitoring().enabled() && LocalMonitoring.prometheusBinary().isPresent());
	}

	/** @param prometheus whether the local Prometheus runs: the console then shows its metrics */
	static List<String> applicationArguments(PlatformSettings settings, Application application, boolean prometheus) {
		List<String> arguments = new ArrayList<>();
		arguments.add("--server.port=" + application.port());
		boolean gateway = application.routeKey() == null;
		arguments.add("--server.address=" + (gateway ? settings.gatewayAddress() : PlatformSettings.LOOPBACK));
		arguments.add("--management.server.port=" + application.managementPort());
		arguments.add("--management.server.address=" + PlatformSettings.LOOPBACK);
		// Exemplars (trace ids) only where OpenMetrics 1.0 allows them, on counters and histogram buckets: Micrometer
		// also puts them on a histogram's or summary's _count, and Prometheus before 2.43 (Debian 12 ships 2.42)
		// then drops the whole scrape ("metric name ..._count does not support exemplars").
		arguments.add("--management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]=false");
		if (gateway && settings.gatewayExposed()) {
			arguments.add("--platform.security.refuse-development-secrets=true");
		}
		KafkaCluster kafka = settings.kafka();
		arguments.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
		arguments.add("--platform.kafka.replication-factor=" + kafka.replicationFactor());
		arguments.add("--platform.data-dir=" + settings.dataDir());
		arguments.add("--platform.security.issuer-uri=http://localhost:" + settings.gatewayPort());
		if (!PlatformSettings.LOOPBACK.equals(settings.gatewayHost())) {
			// The issuer stays the same; the keys are fetched where the gateway actually listens.
			arguments.add("--platform.security.jwk-set-uri=http://" + settings.gatewayHost() + ":"
					+ settings.gatewayPort() + "/oauth2/jwks");
		}
		// The console signs people in at the gateway (the browser goes there) and calls the services through it.
		arguments.add("--platform.security.clients.console.redirect-uris=http://127.0.0.1:" + settings.gatewayPort()
				+ "/console/login/oauth2/code/platform,http://localhost:" + settings.gatewayPort()
				+ "/console/login/oauth2/code/platform");
		arguments.add("--platform.console.gateway-uri=http://" + settings.gatewayHost() + ":" + settings.gatewayPort());
		arguments.add("--platform.console.gateway-public-uri=http://127.0.0.1:" + settings.gatewayPort());
		if (prometheus) {
			arguments.add("--platform.console.prometheus-uri=http://127.0.0.1:" + settings.monitoring().prometheus());
		}
		arguments.add("--spring.mail.host=127.0.0.1");
		arguments.add("--spring.mail.port=" + settings.smtpPort());
		for (Application service : settings.applications()) {
			if (service.routeKey() != null) {
				arguments.add("--platform.gateway.services." + service.routeKey() + "=http://127.0.0.1:" + service.port());
			}
			if (!service.name().equals(CONSOLE)) {
				// The console's overview shows every other part's readiness.
				arguments.add("--platform.console.parts." + service.name() + ".readiness-uri=http://127.0.0.1:"
						+ service.managementPort() + "/actuator/health/readiness");
			}
		}
		return arguments;
	}

}
