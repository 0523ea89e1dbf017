package io.eventplatform.local.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.eventplatform.local.process.ChildArguments;
import io.eventplatform.local.process.JavaCommand;
import io.eventplatform.local.process.ParentWatchdog;
import kafka.tools.StorageTool;

/**
 * The broker process: writes {@code server.properties}, formats the storage on the first run only, then runs
 * {@code kafka.Kafka} in this JVM until it is asked to stop.
 */
public final class KafkaBrokerProcess {

	/**
	 * A small footprint for one developer's traffic. The serial collector suits a 2-core machine; Kafka keeps its
	 * data in the page cache, not on the heap.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Xss512k",
			"-Djava.awt.headless=true", "-Dlogback.configurationFile=io/eventplatform/local/child-logback.xml");

	private KafkaBrokerProcess() {
	}

	/** The command that runs one node as {@code configuration} says, formatted with {@code clusterId}. */
	static List<String> command(BrokerConfiguration configuration, String clusterId) {
		return command(configuration, clusterId, List.of());
	}

	/** The same, with more JVM options (e.g. a metrics agent). */
	static List<String> command(BrokerConfiguration configuration, String clusterId, List<String> moreJvmOptions) {
		List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
		jvmOptions.addAll(moreJvmOptions);
		return JavaCommand.mainClass(jvmOptions, KafkaBrokerProcess.class,
				List.of("--node-id=" + configuration.nodeId(), "--port=" + configuration.port(),
						"--controller-port=" + configuration.controllerPort(), "--voters=" + configuration.voters(),
						"--replication-factor=" + configuration.replicationFactor(),
						"--min-insync-replicas=" + configuration.minInsyncReplicas(), "--cluster-id=" + clusterId,
						"--directory=" + configuration.kafkaDirectory().toAbsolutePath(),
						ParentWatchdog.optionForCurrentProcess()));
	}

	public static void main(String[] args) throws IOException {
		ChildArguments arguments = ChildArguments.parse(args);
		ParentWatchdog.exitWhenParentEnds(arguments);
		BrokerConfiguration configuration = new BrokerConfiguration(
				Integer.parseInt(arguments.required("node-id")), arguments.requiredPort("port"),
				arguments.requiredPort("controller-port"), arguments.required("voters"),
				Integer.parseInt(arguments.required("replication-factor")),
				Integer.parseInt(arguments.required("min-insync-replicas")), Path.of(arguments.required("directory")));
		Path serverProperties = configuration.write();
		if (!configuration.isFormatted()) {
			format(serverProperties, arguments.required("cluster-id"));
		}
		kafka.Kafka.main(new String[] { serverProperties.toString() });
	}

	/**
	 * Formats the log directory with the cluster's id, the same on every node. Called through {@code execute} rather
	 * than {@code main}, which would end the JVM. No {@code --standalone}: the voter set is static (see
	 * {@link BrokerConfiguration}).
	 */
	static void format(Path serverProperties, String clusterId) {
		int exitCode = StorageTool.execute(new String[] { "format", "--cluster-id", clusterId, "--config",
				serverProperties.toString(), "--ignore-formatted" }, System.out);
		if (exitCode != 0) {
			throw new IllegalStateException("Formatting the Kafka storage failed with exit code " + exitCode);
		}
	}

}
