package io.eventplatform.local;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.eventplatform.local.kafka.KafkaCluster;
import io.eventplatform.local.monitoring.MonitoringSettings;
import io.eventplatform.local.process.FreePorts;

/**
 * Where the platform runs from, where it keeps its data, and the ports of its parts.
 *
 * @param projectDir the repository root; services are started from {@code <name>/target/<name>.jar} under it
 * @param dataDir broker log directories, the services' H2 files and every part's log; kept between runs
 * @param kafkaPort the broker's client listener (PLAINTEXT)
 * @param kafkaControllerPort the KRaft controller listener
 * @param smtpPort where the services send mail
 * @param mailApiPort the HTTP API that lists the mail received
 * @param gatewayPort the one public entrance, also the token issuer
 * @param registrationPort registration-service
 * @param weatherIngestPort weather-ingest-service
 * @param transactionPort transaction-service
 * @param notificationPort notification-service
 * @param analyticsPort analytics-service
 * @param warehousePort warehouse-service
 * @param consolePort the operators' console, which people reach through the gateway at {@code /console/}
 * @param startupTimeout how long every part together may take to become ready
 * @param gatewayAddress the interface the gateway listens on: the loopback interface unless {@code ./run.sh --listen}
 * names another (e.g. {@code 0.0.0.0}); the services, the broker and the mail server always listen on loopback only
 * @param moreKafkaPorts for a cluster of three ({@code ./run.sh --brokers 3}), the client and controller ports of
 * nodes 2 and 3 (node 1 has {@code kafkaPort} and {@code kafkaControllerPort}); empty for one broker
 * @param monitoring the applications' management ports, and those of Prometheus, Alertmanager and the exporters
 */
public record PlatformSettings(Path projectDir, Path dataDir, int kafkaPort, int kafkaControllerPort, int smtpPort,
		int mailApiPort, int gatewayPort, int registrationPort, int weatherIngestPort, int transactionPort,
		int notificationPort, int analyticsPort, int warehousePort, int consolePort, Duration startupTimeout, String gatewayAddress,
		List<Integer> moreKafkaPorts, MonitoringSettings monitoring) {

	/** Where every part listens unless told otherwise: nobody else on the network can reach a local run. */
	public static final String LOOPBACK = "127.0.0.1";

	/** Eight Spring Boot applications starting at once on 2 cores take a minute or two; this leaves room. */
	public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(4);

	public PlatformSettings {
		projectDir = Objects.requireNonNull(projectDir, "projectDir").toAbsolutePath().normalize();
		dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
		Objects.requireNonNull(startupTimeout, "startupTimeout");
		if (startupTimeout.isNegative() || startupTimeout.isZero()) {
			throw new IllegalArgumentException("startupTimeout must be positive");
		}
		gatewayAddress = Objects.requireNonNull(gatewayAddress, "gatewayAddress").strip();
		if (!isIpLiteral(gatewayAddress)) {
			throw new IllegalArgumentException(
					"The gateway's listen address must be an IP address such as 0.0.0.0: " + gatewayAddress);
		}
		parseIp(gatewayAddress);
		moreKafkaPorts = List.copyOf(moreKafkaPorts);
		if (!KafkaCluster.SIZES.contains(1 + moreKafkaPorts.size() / 2) || moreKafkaPorts.size() % 2 != 0) {
			throw new IllegalArgumentException("Kafka runs as 1 or 3 nodes, each with two ports: " + moreKafkaPorts);
		}
		List<Integer> ports = new ArrayList<>(List.of(kafkaPort, kafkaControllerPort, smtpPort, mailApiPort,
				gatewayPort, registrationPort, weatherIngestPort, transactionPort, notificationPort, analyticsPort,
				warehousePort, consolePort));
		ports.addAll(moreKafkaPorts);
		Objects.requireNonNull(monitoring, "monitoring");
		ports.addAll(monitoring.all());
		if (ports.stream().anyMatch(port -> port < 1 || port > 65535)) {
			throw new IllegalArgumentException("Every port must be between 1 and 65535: " + ports);
		}
		if (new HashSet<>(ports).size() != ports.size()) {
			throw new IllegalArgumentException("Every part needs a port of its own: " + ports);
		}
	}

	/**
	 * The ports the README documents (broker 9092 and 9093, SMTP 3025, mail API 8025, gateway 8080, services 8081 to
	 * 8086, the console 8087, their management ports 9080 to 9087, and monitoring's, see
	 * {@link MonitoringSettings#defaults()}) and {@code <projectDir>/data}.
	 */
	public static PlatformSettings defaults(Path projectDir) {
		return new PlatformSettings(projectDir, projectDir.resolve("data"), 9092, 9093, 3025, 8025, 8080, 8081, 8082,
				8083, 8084, 8085, 8086, 8087, DEFAULT_STARTUP_TIMEOUT, LOOPBACK, List.of(), MonitoringSettings.defaults());
	}

	/** The same platform with local monitoring started, or not ({@code ./run.sh} starts it where Prometheus is installed). */
	public PlatformSettings withMonitoring(boolean enabled) {
		return new PlatformSettings(projectDir, dataDir, kafkaPort, kafkaControllerPort, smtpPort, mailApiPort,
				gatewayPort, registrationPort, weatherIngestPort, transactionPort, notificationPort, analyticsPort,
				warehousePort, consolePort, startupTimeout, gatewayAddress, moreKafkaPorts, monitoring.withEnabled(enabled));
	}

	/** Ports that are free right now, for tests that must not collide with a platform already running. */
	public static PlatformSettings onFreePorts(Path projectDir, Path dataDir) {
		int[] ports = FreePorts.take(12);
		return new PlatformSettings(projectDir, dataDir, ports[0], ports[1], ports[2], ports[3], ports[4], ports[5],
				ports[6], ports[7], ports[8], ports[9], ports[10], ports[11], DEFAULT_STARTUP_TIMEOUT, LOOPBACK, List.of(),
				MonitoringSettings.onFreePorts());
	}

	public PlatformSettings withDataDir(Path dataDir) {
		return new PlatformSettings(projectDir, dataDir, kafkaPort, kafkaControllerPort, smtpPort, mailApiPort,
				gatewayPort, registrationPort, weatherIngestPort, transactionPort, notificationPort, analyticsPort,
				warehousePort, consolePort, startupTimeout, gatewayAddress, moreKafkaPorts, monitoring);
	}

	public PlatformSettings withStartupTimeout(Duration startupTimeout) {
		return new PlatformSettings(projectDir, dataDir, kafkaPort, kafkaControllerPort, smtpPort, mailApiPort,
				gatewayPort, registrationPort, weatherIngestPort, transactionPort, notificationPort, analyticsPort,
				warehousePort, consolePort, startupTimeout, gatewayAddress, moreKafkaPorts, monitoring);
	}

	/** The gateway listening on {@code address} instead of the loopback interface ({@code ./run.sh --listen}). */
	public PlatformSettings withGatewayAddress(String address) {
		return new PlatformSettings(projectDir, dataDir, kafkaPort, kafkaControllerPort, smtpPort, mailApiPort,
				gatewayPort, registrationPort, weatherIngestPort, transactionPort, notificationPort, analyticsPort,
				warehousePort, consolePort, startupTimeout, address, moreKafkaPorts, monitoring);
	}

	/**
	 * Kafka as {@code brokers} nodes (1 or 3). Nodes 2 and 3 listen on the four ports after node 1's controller port
	 * (9094 to 9097 by default).
	 */
	public PlatformSettings withBrokers(int brokers) {
		return withKafkaNodes(brokers, false);
	}

	/** Kafka as {@code brokers} nodes, nodes 2 and 3 on ports that are free right now (for tests). */
	public PlatformSettings withBrokersOnFreePorts(int brokers) {
		return withKafkaNodes(brokers, true);
	}

	private PlatformSettings withKafkaNodes(int brokers, boolean freePorts) {
		if (!KafkaCluster.SIZES.contains(brokers)) {
			throw new IllegalArgumentException("--brokers must be 1 or 3, not " + brokers);
		}
		int count = 2 * (brokers - 1);
		int[] free = freePorts ? FreePorts.take(count) : null;
		List<Integer> more = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			more.add(free != null ? free[i] : kafkaControllerPort + 1 + i);
		}
		return new PlatformSettings(projectDir, dataDir, kafkaPort, kafkaControllerPort, smtpPort, mailApiPort,
				gatewayPort, registrationPort, weatherIngestPort, transactionPort, notificationPort, analyticsPort,
				warehousePort, consolePort, startupTimeout, gatewayAddress, more, monitoring);
	}

	/** The local Kafka these settings describe: one node in {@code <dataDir>/kafka}, or three in {@code kafka-cluster}. */
	public KafkaCluster kafka() {
		int[] ports = new int[2 + moreKafkaPorts.size()];
		ports[0] = kafkaPort;
		ports[1] = kafkaControllerPort;
		for (int i = 0; i < moreKafkaPorts.size(); i++) {
			ports[2 + i] = moreKafkaPorts.get(i);
		}
		return KafkaCluster.of(dataDir.resolve(ports.length == 2 ? "kafka" : "kafka-cluster"), ports);
	}

	/**
	 * Whether other machines can reach the gateway: then it refuses the development clients' secrets, as in
	 * production, because they are published in the README.
	 */
	public boolean gatewayExposed() {
		return !parseIp(gatewayAddress).isLoopbackAddress();
	}

	/**
	 * Where the launcher and the services reach the gateway: over loopback when it listens there or on every
	 * interface, else at the one address it listens on.
	 */
	public String gatewayHost() {
		InetAddress address = parseIp(gatewayAddress);
		if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
			return LOOPBACK;
		}
		return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
	}

	/** Every part's output goes to {@code <logsDir>/<part>.log}. */
	public Path logsDir() {
		return dataDir.resolve("logs");
	}

	/** The log of one part, e.g. {@code kafka-broker}, {@code mail-server} or {@code registration-service}. */
	public Path logFile(String partName) {
		return logsDir().resolve(partName + ".log");
	}

	/** The Spring Boot applications: the six services, the gateway, then the console. */
	List<Application> applications() {
		List<Integer> management = monitoring.management();
		return List.of(new Application("registration-service", "registration", registrationPort, management.get(0)),
				new Application("weather-ingest-service", "weather-ingest", weatherIngestPort, management.get(1)),
				new Application("transaction-service", "transaction", transactionPort, management.get(2)),
				new Application("notification-service", "notification", notificationPort, management.get(3)),
				new Application("analytics-service", "analytics", analyticsPort, management.get(4)),
				new Application("warehouse-service", "warehouse", warehousePort, management.get(5)),
				new Application("gateway", null, gatewayPort, management.get(6)),
				new Application("console", "console", consolePort, management.get(7)));
	}

	/** Only IP literals, so that parsing one never asks DNS (a host name could resolve differently later). */
	private static boolean isIpLiteral(String address) {
		return address.matches("\\d{1,3}(\\.\\d{1,3}){3}") || address.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
	}

	private static InetAddress parseIp(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Not an IP address: " + literal, ex);
		}
	}

	/**
	 * A Spring Boot application of the platform.
	 *
	 * @param name the module, artifact and jar name
	 * @param routeKey the gateway's name for it in {@code platform.gateway.services.<routeKey>}; {@code null} for the
	 * gateway itself
	 * @param port its HTTP port
	 * @param managementPort its actuator's port, on loopback: health and metrics without a token
	 */
	record Application(String name, @Nullable String routeKey, int port, int managementPort) {

		Application withPorts(int port, int managementPort) {
			return new Application(name, routeKey, port, managementPort);
		}

		/** The executable jar the build wrote, {@code <name>/target/<name>.jar}. */
		Path jar(Path projectDir) {
			return projectDir.resolve(name).resolve("target").resolve(name + ".jar");
		}

		/**
		 * The same application as Spring Boot's {@code extract} lays it out ({@code <name>/target/app/<name>.jar} and
		 * its {@code lib/}), which the build writes beside the executable jar.
		 */
		Path extractedJar(Path projectDir) {
			return projectDir.resolve(name).resolve("target").resolve("app").resolve(name + ".jar");
		}

		/** The AOT cache (JDK 25 or newer) that {@link StartupCacheTraining} wrote for the extracted layout. */
		Path aotCache(Path projectDir) {
			return projectDir.resolve(name).resolve("target").resolve("app").resolve(name + ".aot");
		}

		/** The class data sharing archive the build trained for the extracted layout. */
		Path classDataArchive(Path projectDir) {
			return projectDir.resolve(name).resolve("target").resolve("app").resolve(name + ".jsa");
		}

	}

}
