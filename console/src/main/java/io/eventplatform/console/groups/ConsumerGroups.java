package io.eventplatform.console.groups;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.eventplatform.console.ConsoleProperties;
import io.eventplatform.console.trend.OffsetTrends;
import io.eventplatform.console.trend.Series;

/** Consumer groups as the broker sees them: state, members, committed offsets against end offsets. */
@Component
class ConsumerGroups {

	private final Admin admin;

	private final OffsetTrends trends;

	private final Map<String, Owner> owners = new HashMap<>();

	ConsumerGroups(Admin admin, OffsetTrends trends, ConsoleProperties properties) {
		this.admin = admin;
		this.trends = trends;
		properties.owners()
			.forEach((service, owner) -> owner.groups().forEach(group -> owners.put(group, new Owner(service, owner.replayPath()))));
	}

	List<GroupSummary> list() throws Exception {
		Collection<GroupListing> listings = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(10, TimeUnit.SECONDS);
		List<String> ids = listings.stream().map(GroupListing::groupId).sorted().toList();
		Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(ids).all().get(10, TimeUnit.SECONDS);
		List<GroupSummary> summaries = new ArrayList<>();
		for (String id : ids) {
			ConsumerGroupDescription description = descriptions.get(id);
			Series lag = trends.lag(id);
			summaries.add(new GroupSummary(id, description == null ? "UNKNOWN" : String.valueOf(description.groupState()),
					description == null ? 0 : description.members().size(), totalLag(id, description), owners.get(id), lag));
		}
		return summaries;
	}

	Optional<GroupDetail> detail(String groupId) throws Exception {
		ConsumerGroupDescription description;
		try {
			description = admin.describeConsumerGroups(List.of(groupId)).all().get(10, TimeUnit.SECONDS).get(groupId);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupIdNotFoundException) {
				return Optional.empty();
			}
			throw ex;
		}
		List<PartitionLag> partitions = partitions(groupId, description);
		if (description == null || (description.members().isEmpty() && partitions.isEmpty()
				&& "DEAD".equals(String.valueOf(description.groupState())))) {
			return Optional.empty();
		}
		List<Member> members = description.members()
			.stream()
			.map(member -> new Member(member.clientId(), member.host(), assigned(member)))
			.sorted(Comparator.comparing(Member::clientId))
			.toList();
		return Optional.of(new GroupDetail(groupId, String.valueOf(description.groupState()), members, partitions,
				owners.get(groupId), trends.lag(groupId)));
	}

	@Nullable Owner owner(String groupId) {
		return owners.get(groupId);
	}

	private long totalLag(String groupId, @Nullable ConsumerGroupDescription description) throws Exception {
		return partitions(groupId, description).stream().mapToLong(PartitionLag::lag).sum();
	}

	/**
	 * Every partition of every topic the group reads: those it committed on, and those its members are assigned. A
	 * partition without a commit is read from its start (the platform's consumers reset to the earliest offset), so
	 * all its records are lag; Kafka's own tool shows "-" there, which hides a group that never got going.
	 */
	private List<PartitionLag> partitions(String groupId, @Nullable ConsumerGroupDescription description)
			throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS);
		Set<String> topics = new TreeSet<>();
		committed.keySet().forEach(partition -> topics.add(partition.topic()));
		if (description != null) {
			description.members()
				.forEach(member -> member.assignment()
					.topicPartitions()
					.forEach(partition -> topics.add(partition.topic())));
		}
		if (topics.isEmpty()) {
			return List.of();
		}
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
		admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().forEach(topic -> topic
			.partitions()
			.forEach(info -> {
				TopicPartition partition = new TopicPartition(topic.name(), info.partition());
				latest.put(partition, OffsetSpec.latest());
				earliest.put(partition, OffsetSpec.earliest());
			}));
		Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
		Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
		List<PartitionLag> partitions = new ArrayList<>();
		ends.forEach((partition, end) -> {
			OffsetAndMetadata offset = committed.get(partition);
			Long committedOffset = offset == null ? null : offset.offset();
			ListOffsetsResultInfo start = starts.get(partition);
			long from = committedOffset != null ? committedOffset : start == null ? 0 : start.offset();
			partitions.add(new PartitionLag(partition.topic(), partition.partition(), committedOffset, end.offset(),
					Math.max(0, end.offset() - from)));
		});
		partitions.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
		return partitions;
	}

	private static String assigned(MemberDescription member) {
		return member.assignment()
			.topicPartitions()
			.stream()
			.sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
			.map(TopicPartition::toString)
			.reduce((a, b) -> a + ", " + b)
			.orElse("");
	}

	/** The service that owns a group, and its replay API; a group without one cannot be rewound from here. */
	record Owner(String service, String replayPath) {
	}

	record GroupSummary(String groupId, String state, int members, long lag, @Nullable Owner owner, Series lagTrend) {
	}

	record GroupDetail(String groupId, String state, List<Member> members, List<PartitionLag> partitions,
			@Nullable Owner owner, Series lagTrend) {

		public long lag() {
			return partitions.stream().mapToLong(PartitionLag::lag).sum();
		}
	}

	record Member(String clientId, String host, String partitions) {
	}

	record PartitionLag(String topic, int partition, @Nullable Long committed, long endOffset, long lag) {
	}
}
