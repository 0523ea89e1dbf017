package io.eventplatform.console.overview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.eventplatform.console.trend.OffsetTrends;
import io.eventplatform.console.trend.Series;

/** The brokers and every topic as the cluster describes them right now. */
@Component
class ClusterOverview {

	static final String DEAD_LETTER_SUFFIX = "-dlt";

	private final Admin admin;

	private final OffsetTrends trends;

	ClusterOverview(Admin admin, OffsetTrends trends) {
		this.admin = admin;
		this.trends = trends;
	}

	Cluster describe() throws Exception {
		DescribeClusterResult cluster = admin.describeCluster();
		List<Node> nodes = new ArrayList<>(cluster.nodes().get(10, TimeUnit.SECONDS));
		nodes.sort(Comparator.comparingInt(Node::id));
		@Nullable Node controller = cluster.controller().get(10, TimeUnit.SECONDS);
		Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
		Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
		Map<ConfigResource, Config> configs = admin
			.describeConfigs(names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList())
			.all()
			.get(10, TimeUnit.SECONDS);
		Map<Integer, Map<String, LogDirDescription>> logDirs = admin
			.describeLogDirs(nodes.stream().map(Node::id).toList())
			.allDescriptions()
			.get(10, TimeUnit.SECONDS);
		Map<TopicPartition, Long> sizes = new HashMap<>();
		logDirs.values()
			.forEach(dirs -> dirs.values()
				.forEach(dir -> dir.replicaInfos().forEach((partition, replica) -> sizes.merge(partition, replica.size(), Long::sum))));
		Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		topics.values().forEach(topic -> topic.partitions().forEach(partition -> {
			TopicPartition tp = new TopicPartition(topic.name(), partition.partition());
			earliest.put(tp, OffsetSpec.earliest());
			latest.put(tp, OffsetSpec.latest());
		}));
		Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
		Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);

		Map<Integer, Integer> led = new HashMap<>();
		List<TopicView> views = new ArrayList<>();
		for (TopicDescription topic : topics.values().stream().sorted(Comparator.comparing(TopicDescription::name)).toList()) {
			List<PartitionView> partitions = new ArrayList<>();
			long records = 0;
			long size = 0;
			for (TopicPartitionInfo partition : topic.partitions()) {
				TopicPartition tp = new TopicPartition(topic.name(), partition.partition());
				if (partition.leader() != null) {
					led.merge(partition.leader().id(), 1, Integer::sum);
				}
				long start = offset(starts.get(tp));
				long end = offset(ends.get(tp));
				records += end - start;
				size += sizes.getOrDefault(tp, 0L);
				partitions.add(new PartitionView(partition.partition(),
						partition.leader() == null ? null : partition.leader().id(),
						partition.replicas().stream().map(Node::id).toList(),
						partition.isr().stream().map(Node::id).toList(), start, end));
			}
			Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
			views.add(new TopicView(topic.name(), topic.isInternal(), partitions,
					(int) partitions.stream().filter(PartitionView::underReplicated).count(),
					configValue(config, "retention.ms"), configValue(config, "retention.bytes"), size, records,
					trends.produceRate(topic.name())));
		}
		List<BrokerView> brokers = nodes.stream()
			.map(node -> new BrokerView(node.id(), node.host() + ":" + node.port(),
					controller != null && controller.id() == node.id(), led.getOrDefault(node.id(), 0)))
			.toList();
		List<TopicView> deadLetters = views.stream().filter(TopicView::deadLetterTopic).toList();
		return new Cluster(brokers, views, deadLetters);
	}

	private static long offset(@Nullable ListOffsetsResultInfo info) {
		return info == null ? 0 : info.offset();
	}

	private static String configValue(@Nullable Config config, String name) {
		if (config == null) {
			return "";
		}
		ConfigEntry entry = config.get(name);
		return entry == null || entry.value() == null ? "" : entry.value();
	}

	record Cluster(List<BrokerView> brokers, List<TopicView> topics, List<TopicView> deadLetterTopics) {

		Map<String, Series> rates() {
			return topics.stream().collect(Collectors.toMap(TopicView::name, TopicView::produceRate));
		}
	}

	record BrokerView(int id, String address, boolean controller, int partitionsLed) {
	}

	record TopicView(String name, boolean internal, List<PartitionView> partitions, int underReplicated,
			String retentionMs, String retentionBytes, long sizeOnDisk, long records, Series produceRate) {

		public boolean deadLetterTopic() {
			return name.endsWith(DEAD_LETTER_SUFFIX);
		}
	}

	record PartitionView(int partition, @Nullable Integer leader, List<Integer> replicas, List<Integer> isr,
			long startOffset, long endOffset) {

		public boolean underReplicated() {
			return isr.size() < replicas.size();
		}
	}
}
