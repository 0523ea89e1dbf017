package io.eventplatform.local.kafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.Uuid;

import io.eventplatform.local.process.FreePorts;

/**
 * The local Kafka: one node, or a cluster of three, each node a process of its own that is broker and KRaft controller
 * at once. One node keeps every replication factor and in-sync minimum at 1; three have replication factor 3 and
 * {@code min.insync.replicas} 2, as the production cluster: a write is acknowledged once two nodes have it, and any one
 * node may fail without losing an acknowledged write or stopping writes.
 *
 * @param nodes the nodes, ids from 1
 * @param directory where the nodes keep their data: the one node in it, each of three in {@code node-<id>} under it
 */
public record KafkaCluster(List<Node> nodes, Path directory) {

	/** The cluster sizes the platform runs. */
	public static final List<Integer> SIZES = List.of(1, 3);

	/**
	 * @param id the node id, also its KRaft voter id
	 * @param port the client listener (PLAINTEXT)
	 * @param controllerPort the KRaft controller listener
	 */
	public record Node(int id, int port, int controllerPort) {

		public String address() {
			return "127.0.0.1:" + port;
		}
	}

	public KafkaCluster {
		nodes = List.copyOf(nodes);
		if (!SIZES.contains(nodes.size())) {
			throw new IllegalArgumentException("A local Kafka has 1 or 3 nodes, not " + nodes.size());
		}
	}

	/**
	 * Node {@code i} (from 1) listens on {@code ports[2i-2]} for clients and {@code ports[2i-1]} for the controllers.
	 */
	public static KafkaCluster of(Path directory, int... ports) {
		if (ports.length % 2 != 0) {
			throw new IllegalArgumentException("Each node needs a client and a controller port");
		}
		return new KafkaCluster(IntStream.range(0, ports.length / 2)
			.mapToObj(i -> new Node(i + 1, ports[2 * i], ports[2 * i + 1]))
			.toList(), directory);
	}

	/** {@code nodes} nodes on ports that are free right now, all different, for tests. */
	public static KafkaCluster onFreePorts(Path directory, int nodes) {
		return of(directory, FreePorts.take(2 * nodes));
	}

	public int size() {
		return nodes.size();
	}

	public Node node(int id) {
		return nodes.stream()
			.filter(node -> node.id() == id)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No node " + id + " in " + nodes));
	}

	/** Every node's client address: a client that knows all of them starts even while one is down. */
	public String bootstrapServers() {
		return nodes.stream().map(Node::address).collect(Collectors.joining(","));
	}

	public int replicationFactor() {
		return size() >= 3 ? 3 : 1;
	}

	public int minInsyncReplicas() {
		return size() >= 3 ? 2 : 1;
	}

	/**
	 * How the cluster replicates, the internal topics included: what the Kubernetes cluster of the same size must
	 * say as well (checked by k8s-manifests-tests).
	 */
	public Map<String, String> replicationSettings() {
		return replicationSettings(replicationFactor(), minInsyncReplicas());
	}

	static Map<String, String> replicationSettings(int replicationFactor, int minInsyncReplicas) {
		String replicas = Integer.toString(replicationFactor);
		String inSync = Integer.toString(minInsyncReplicas);
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("default.replication.factor", replicas);
		settings.put("min.insync.replicas", inSync);
		settings.put("offsets.topic.replication.factor", replicas);
		settings.put("transaction.state.log.replication.factor", replicas);
		settings.put("transaction.state.log.min.isr", inSync);
		settings.put("share.coordinator.state.topic.replication.factor", replicas);
		settings.put("share.coordinator.state.topic.min.isr", inSync);
		// Only a replica in sync may lead: no acknowledged write is lost to a failover.
		settings.put("unclean.leader.election.enable", "false");
		return settings;
	}

	/** The static KRaft voter set, {@code id@host:port} of every controller. */
	String voters() {
		return nodes.stream()
			.map(node -> node.id() + "@127.0.0.1:" + node.controllerPort())
			.collect(Collectors.joining(","));
	}

	/** One node keeps the directory it always had; a cluster's nodes get one each, apart from the one node's data. */
	Path nodeDirectory(Node node) {
		return size() == 1 ? directory : directory.resolve("node-" + node.id());
	}

	/**
	 * The id every node formats its storage with: nodes of one cluster must share it. Derived from the directory, so
	 * the nodes agree without a file written before any of them starts.
	 * <p>
	 * Never starts with {@code -}: {@code kafka-storage format} would read such an id as an option and refuse to
	 * format (Kafka's own {@link Uuid#randomUuid()} skips these ids for the same reason). One directory in 64 hashes
	 * to one; clearing the top bit turns its first character from {@code -} into {@code e}, and leaves every other id
	 * as it was, so a directory formatted before keeps its id.
	 */
	String clusterId() {
		UUID uuid = UUID.nameUUIDFromBytes(directory.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
		Uuid id = new Uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
		return id.toString().startsWith("-")
				? new Uuid(id.getMostSignificantBits() & Long.MAX_VALUE, id.getLeastSignificantBits()).toString()
				: id.toString();
	}

	/** The part name of a node: {@code kafka-broker} alone, {@code kafka-broker-<id>} in a cluster. */
	public String partName(Node node) {
		return size() == 1 ? "kafka-broker" : "kafka-broker-" + node.id();
	}

	/** The command that runs {@code node}. */
	public List<String> command(Node node) {
		return command(node, List.of());
	}

	/** The same, with more JVM options for the node's process (the JMX exporter agent of local monitoring). */
	public List<String> command(Node node, List<String> moreJvmOptions) {
		return KafkaBrokerProcess.command(new BrokerConfiguration(node.id(), node.port(), node.controllerPort(),
				voters(), replicationFactor(), minInsyncReplicas(), nodeDirectory(node)), clusterId(), moreJvmOptions);
	}

	/** Ready when {@code node} is in the cluster its address describes (see {@link KafkaReadiness}). */
	public KafkaReadiness readiness(Node node) {
		return new KafkaReadiness(node.address(), node.id());
	}
}
