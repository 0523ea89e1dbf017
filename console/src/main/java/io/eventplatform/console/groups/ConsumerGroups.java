package io.eventplatform.console.groups;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
					description == null ? 0 : description.members().size(), totalLag(id), owners.get(id), lag));
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
		List<PartitionLag> partitions = partitions(groupId);
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

	private long totalLag(String groupId) throws Exception {
		return partitions(groupId).stream().mapToLong(PartitionLag::lag).sum();
	}

	private List<PartitionLag> partitions(String groupId) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
		Map<TopicPartition, ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
				: admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
		List<PartitionLag> partitions = new ArrayList<>();
		committed.forEach((partition, offset) -> {
			ListOffsetsResultInfo end = ends.get(partition);
			long endOffset = end == null ? 0 : end.offset();
			Long committedOffset = offset == null ? null : offset.offset();
			long lag = committedOffset == null ? endOffset : Math.max(0, endOffset - committedOffset);
			partitions.add(new PartitionLag(partition.topic(), partition.partition(), committedOffset, endOffset, lag));
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
