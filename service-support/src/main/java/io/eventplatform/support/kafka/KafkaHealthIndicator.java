package io.eventplatform.support.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeMetadataQuorumOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reports whether the broker answers and can take the service's writes: the KRaft quorum has a leader, and every
 * partition of every topic the service produces to has a leader and at least its {@code min.insync.replicas} in sync. With fewer, the broker refuses {@code acks=all}
 * writes (NotEnoughReplicas) although it answers, so a service that needs the broker right now (weather ingest answers
 * 202 only after the broker acknowledged) is not ready then. Services with an outbox do not put it in their readiness
 * group: they keep accepting into the outbox.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private static final int TIMEOUT_MILLIS = 2000;

	private final KafkaAdmin kafkaAdmin;

	private final Collection<String> producedTopics;

	private @Nullable Admin admin;

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin, Collection<String> producedTopics) {
		super("Kafka health check failed");
		this.kafkaAdmin = kafkaAdmin;
		this.producedTopics = List.copyOf(producedTopics);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS))
			.nodes()
			.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
			.size();
		// Without a KRaft leader no in-sync set can shrink: the brokers' view of it is stale, and writes wait in vain.
		int controller = admin().describeMetadataQuorum(new DescribeMetadataQuorumOptions().timeoutMs(TIMEOUT_MILLIS))
			.quorumInfo()
			.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
			.leaderId();
		List<String> missing = underMinInsyncReplicas();
		if (missing.isEmpty()) {
			builder.up().withDetail("nodes", nodes).withDetail("controller", controller);
		}
		else {
			builder.down()
				.withDetail("nodes", nodes)
				.withDetail("controller", controller)
				.withDetail("underMinInsyncReplicas", missing);
		}
	}

	/** Each partition written to whose in-sync replicas are fewer than its topic's minimum, e.g. "t-0: 1 of 2". */
	private List<String> underMinInsyncReplicas() throws Exception {
		List<String> missing = new ArrayList<>();
		if (producedTopics.isEmpty()) {
			return missing;
		}
		Map<String, TopicDescription> topics = admin()
			.describeTopics(producedTopics, new DescribeTopicsOptions().timeoutMs(TIMEOUT_MILLIS))
			.allTopicNames()
			.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
		Map<ConfigResource, Config> configs = admin()
			.describeConfigs(producedTopics.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList(),
					new DescribeConfigsOptions().timeoutMs(TIMEOUT_MILLIS))
			.all()
			.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
		for (TopicDescription topic : topics.values()) {
			// Asked for just above: the broker answers every topic's configuration, defaults included.
			Config config = Objects.requireNonNull(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name())));
			int minimum = Integer.parseInt(
					Objects.requireNonNull(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)).value());
			for (TopicPartitionInfo partition : topic.partitions()) {
				if (partition.leader() == null || partition.isr().size() < minimum) {
					missing.add(topic.name() + "-" + partition.partition() + ": " + partition.isr().size() + " of "
							+ minimum + " in sync");
				}
			}
		}
		return missing;
	}

	private synchronized Admin admin() {
		if (admin == null) {
			admin = Admin.create(kafkaAdmin.getConfigurationProperties());
		}
		return admin;
	}

	@Override
	public synchronized void destroy() {
		if (admin != null) {
			admin.close();
		}
	}
}
