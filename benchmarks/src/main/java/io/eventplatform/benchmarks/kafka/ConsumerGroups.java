package io.eventplatform.benchmarks.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import static org.awaitility.Awaitility.await;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The committed offsets of the platform's consumer groups on one topic, read with the admin client. A group commits
 * an offset only after it has processed the records before it: Kafka Streams (exactly-once) in the same transaction
 * as its state-store changelog writes, so a committed offset means "aggregate updated"; a listener container after
 * its listener returned, so a committed offset means "row written" for a listener that writes the row.
 */
public final class ConsumerGroups implements AutoCloseable {

	private final Admin admin;

	private final String topic;

	public ConsumerGroups(String bootstrapServers, String topic) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000));
		this.topic = topic;
	}

	public List<TopicPartition> partitions() {
		try {
			TopicDescription description = Objects.requireNonNull(
					admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic));
			return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not describe " + topic, ex);
		}
	}

	/** The groups that have committed offsets on the topic, except those whose id starts with {@code ignoredPrefix}. */
	public List<String> groupsReadingTopic(String ignoredPrefix) {
		try {
			List<String> groups = admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
				.map(GroupListing::groupId)
				.filter(group -> !group.startsWith(ignoredPrefix))
				.sorted()
				.toList();
			List<String> reading = new ArrayList<>();
			for (String group : groups) {
				if (!committed(List.of(group)).getOrDefault(group, Map.of()).isEmpty()) {
					reading.add(group);
				}
			}
			return reading;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not list the consumer groups", ex);
		}
	}

	/**
	 * The groups, other than those whose id starts with {@code ignoredPrefix}, that read the topic: a member is
	 * assigned one of its partitions, or the group has committed an offset on it.
	 */
	public List<String> groupsOnTopic(String ignoredPrefix) {
		try {
			List<String> groups = admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
				.map(GroupListing::groupId)
				.filter(group -> !group.startsWith(ignoredPrefix))
				.sorted()
				.toList();
			if (groups.isEmpty()) {
				return List.of();
			}
			List<String> reading = new ArrayList<>();
			for (String group : groups) {
				try {
					boolean assigned = Objects.requireNonNull(
							admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group))
						.members().stream()
						.flatMap(member -> member.assignment().topicPartitions().stream())
						.anyMatch(partition -> partition.topic().equals(topic));
					if (assigned) {
						reading.add(group);
					}
				}
				catch (java.util.concurrent.ExecutionException ex) {
					// Not a consumer group (a share or streams group): only its committed offsets can tell.
				}
			}
			committed(groups).forEach((group, offsets) -> {
				if (!offsets.isEmpty() && !reading.contains(group)) {
					reading.add(group);
				}
			});
			reading.sort(null);
			return reading;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not list the consumer groups", ex);
		}
	}

	/** Each group's committed offset per partition of the topic (partitions without a commit are left out). */
	public Map<String, Map<Integer, Long>> committed(List<String> groups) {
		Map<String, ListConsumerGroupOffsetsSpec> specs = groups.stream()
			.collect(Collectors.toMap(group -> group, group -> new ListConsumerGroupOffsetsSpec()));
		try {
			Map<String, Map<TopicPartition, OffsetAndMetadata>> all = admin.listConsumerGroupOffsets(specs)
				.all()
				.get(30, TimeUnit.SECONDS);
			Map<String, Map<Integer, Long>> result = new HashMap<>();
			all.forEach((group, offsets) -> {
				Map<Integer, Long> ofTopic = new HashMap<>();
				offsets.forEach((partition, offset) -> {
					if (offset != null && partition.topic().equals(topic)) {
						ofTopic.put(partition.partition(), offset.offset());
					}
				});
				result.put(group, ofTopic);
			});
			return result;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read the committed offsets of " + groups, ex);
		}
	}

	/** The log-end offset of each partition. */
	public Map<Integer, Long> endOffsets() {
		try {
			Map<TopicPartition, OffsetSpec> latest = partitions().stream()
				.collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
			return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
				.collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read the end offsets of " + topic, ex);
		}
	}

	/** How many records the group has yet to commit, given the end offsets; {@code empty} if it never committed. */
	public static Optional<Long> lag(@Nullable Map<Integer, Long> committed, Map<Integer, Long> endOffsets) {
		if (committed == null || committed.isEmpty()) {
			return Optional.empty();
		}
		long lag = 0;
		for (Map.Entry<Integer, Long> end : endOffsets.entrySet()) {
			lag += Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L));
		}
		return Optional.of(lag);
	}

	/** Waits until every group has committed up to the end offsets; returns the groups that did not. */
	public List<String> awaitCaughtUp(List<String> groups, Duration timeout) throws InterruptedException {
		Map<Integer, Long> end = endOffsets();
		List<String> behind = new ArrayList<>(groups);
		try {
			await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
				Map<String, Map<Integer, Long>> committed = committed(behind);
				behind.removeIf(group -> lag(committed.get(group), end).map(lag -> lag == 0).orElse(false));
				return behind.isEmpty();
			});
		}
		catch (ConditionTimeoutException ex) {
			// The caller reports the groups still behind.
		}
		return behind;
	}

	@Override
	public void close() {
		admin.close(Duration.ofSeconds(5));
	}

}
