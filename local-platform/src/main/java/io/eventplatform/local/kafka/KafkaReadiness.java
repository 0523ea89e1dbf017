package io.eventplatform.local.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.eventplatform.local.process.Readiness;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jspecify.annotations.Nullable;

/**
 * Ready when the node describes a cluster with itself in it: a node is listed only once it has caught up with the
 * metadata log and is unfenced, that is when topics can be created and written to. A node of three needs a second
 * controller to elect a leader first.
 */
public final class KafkaReadiness implements Readiness {

	private final String bootstrapServers;

	private @Nullable Admin admin;

	private volatile String lastOutcome = "not checked yet";

	private final int nodeId;

	public KafkaReadiness(String bootstrapServers, int nodeId) {
		this.bootstrapServers = bootstrapServers;
		this.nodeId = nodeId;
	}

	@Override
	public synchronized boolean isReady() {
		try {
			if (admin == null) {
				admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						AdminClientConfig.CLIENT_ID_CONFIG, "local-platform-readiness",
						AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
						AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
						AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
			}
			boolean hasNode = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
				.nodes()
				.get(3, TimeUnit.SECONDS)
				.stream()
				.anyMatch(node -> node.id() == nodeId);
			lastOutcome = hasNode ? "ready" : bootstrapServers + " described a cluster without node " + nodeId;
			return hasNode;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			lastOutcome = "describing the cluster at " + bootstrapServers + " failed: " + ex;
			return false;
		}
	}

	@Override
	public String lastOutcome() {
		return lastOutcome;
	}

	@Override
	public synchronized void close() {
		if (admin != null) {
			admin.close(Duration.ofSeconds(1));
			admin = null;
		}
	}

}
