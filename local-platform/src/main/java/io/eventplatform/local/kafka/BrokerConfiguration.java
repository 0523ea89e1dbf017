package io.eventplatform.local.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code server.properties} of one node, broker and controller in one process. It is written again at every start,
 * so a changed port takes effect while the log directories are kept.
 *
 * @param voters the static KRaft voter set (see {@link KafkaCluster#voters()})
 * @param replicationFactor of every topic, the internal ones too: 1 alone, 3 in a cluster
 * @param minInsyncReplicas how many replicas must have a write before {@code acks=all} acknowledges it
 */
record BrokerConfiguration(int nodeId, int port, int controllerPort, String voters, int replicationFactor,
		int minInsyncReplicas, Path kafkaDirectory) {

	Path file() {
		return kafkaDirectory.resolve("server.properties");
	}

	/** Topic partitions and the KRaft metadata log; kept between runs. */
	Path logDirectory() {
		return kafkaDirectory.resolve("data");
	}

	/** Kafka's {@code StorageTool} writes this once it has formatted the directory. */
	boolean isFormatted() {
		return Files.exists(logDirectory().resolve("meta.properties"));
	}

	Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", Integer.toString(nodeId));
		// A static voter set rather than a dynamic quorum formatted with --standalone: the voters are read from this
		// file at every start instead of being recorded in the metadata log, so the controller port can change
		// between runs on the same data directory.
		properties.put("controller.quorum.voters", voters);
		properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("log.dirs", logDirectory().toAbsolutePath().toString());

		// The same for the internal topics as for the platform's: consumer offsets and transactions survive a node.
		properties.putAll(KafkaCluster.replicationSettings(replicationFactor, minInsyncReplicas));
		if (replicationFactor > 1) {
			// The controller moves a dead node's leaderships once the node's session ends: after 4 s without a
			// heartbeat instead of Kafka's 9 s, so a killed leader stops writes to its partitions for about that long.
			properties.put("broker.session.timeout.ms", "4000");
			properties.put("broker.heartbeat.interval.ms", "1000");
		}

		// Services declare their topics with partitions and retention; a typo must not create a topic silently.
		properties.put("auto.create.topics.enable", "false");
		properties.put("num.partitions", "1");
		// Consumers of a fresh group start at once instead of waiting 3 s for more members.
		properties.put("group.initial.rebalance.delay.ms", "0");

		// Sized for 2 cores and a small heap: the internal topics' 50 partitions each and the log cleaner's 128 MiB
		// de-duplication buffer are made for production clusters.
		properties.put("offsets.topic.num.partitions", "10");
		properties.put("transaction.state.log.num.partitions", "10");
		properties.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
		properties.put("num.network.threads", "2");
		properties.put("num.io.threads", "4");
		return properties;
	}

	Path write() throws IOException {
		StringBuilder text = new StringBuilder()
			.append("# Written by io.eventplatform.local.kafka.KafkaBrokerProcess at every start; edits are overwritten.\n");
		properties().forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
		Files.createDirectories(kafkaDirectory);
		return Files.writeString(file(), text, StandardCharsets.ISO_8859_1);
	}

	/** A backslash starts an escape in a properties file; Windows paths have them. */
	private static String escape(String value) {
		return value.replace("\\", "\\\\");
	}

}
