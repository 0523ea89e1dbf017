package io.eventplatform.local.monitoring;

import java.util.ArrayList;
import java.util.List;

import io.eventplatform.local.process.FreePorts;

/**
 * Local monitoring: whether it runs, and its ports, all on loopback. The management ports are the applications' own
 * and always set.
 *
 * @param enabled whether {@code ./run.sh} starts Prometheus and Alertmanager (where installed), the Kafka groups
 * exporter and the broker's JMX exporter agent
 * @param prometheus Prometheus' web interface and API (its default, 9090)
 * @param alertmanager Alertmanager (9098: its default 9093 is the broker's controller)
 * @param groupsAndReadinessExporter the launcher's broker-side view of consumer groups and topics, and each
 * application's readiness (9308, the Kafka Exporter's default)
 * @param brokerMetrics the Prometheus JMX exporter agent of each Kafka node, in node order (9404 to 9406, 9404 being
 * Strimzi's)
 * @param management each Spring Boot application's management port (actuator, metrics without a token), in the order
 * of the applications: the six services, the gateway, then the console (9081 to 9086, 9080 and 9087: 1000 above the
 * application's own)
 */
public record MonitoringSettings(boolean enabled, int prometheus, int alertmanager, int groupsAndReadinessExporter, List<Integer> brokerMetrics,
		List<Integer> management) {

	/** Eight Spring Boot applications; three Kafka nodes at most. */
	static final int APPLICATIONS = 8;

	static final int KAFKA_NODES = 3;

	public MonitoringSettings {
		brokerMetrics = List.copyOf(brokerMetrics);
		management = List.copyOf(management);
		if (brokerMetrics.size() != KAFKA_NODES || management.size() != APPLICATIONS) {
			throw new IllegalArgumentException("Monitoring needs " + KAFKA_NODES + " broker metrics ports and "
					+ APPLICATIONS + " management ports: " + brokerMetrics + ", " + management);
		}
	}

	/** The ports the README documents; off until {@link #withEnabled(boolean) enabled}. */
	public static MonitoringSettings defaults() {
		return new MonitoringSettings(false, 9090, 9098, 9308, List.of(9404, 9405, 9406),
				List.of(9081, 9082, 9083, 9084, 9085, 9086, 9080, 9087));
	}

	/** Ports that are free right now, for tests. */
	public static MonitoringSettings onFreePorts() {
		int[] ports = FreePorts.take(3 + KAFKA_NODES + APPLICATIONS);
		List<Integer> brokers = new ArrayList<>();
		List<Integer> management = new ArrayList<>();
		for (int i = 0; i < KAFKA_NODES; i++) {
			brokers.add(ports[3 + i]);
		}
		for (int i = 0; i < APPLICATIONS; i++) {
			management.add(ports[3 + KAFKA_NODES + i]);
		}
		return new MonitoringSettings(false, ports[0], ports[1], ports[2], brokers, management);
	}

	/** The same ports, monitoring started or not. */
	public MonitoringSettings withEnabled(boolean enabled) {
		return new MonitoringSettings(enabled, prometheus, alertmanager, groupsAndReadinessExporter, brokerMetrics, management);
	}

	/** Every port, for the check that no two parts share one. */
	public List<Integer> all() {
		List<Integer> all = new ArrayList<>(List.of(prometheus, alertmanager, groupsAndReadinessExporter));
		all.addAll(brokerMetrics);
		all.addAll(management);
		return all;
	}

}
