package io.eventplatform.support.kafka.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.ErrorResponseException;

import io.eventplatform.support.web.FieldProblem;

/**
 * Rewinds the consumer groups of a service's listeners, as {@code kafka-consumer-groups --reset-offsets} does
 * ({@code --to-datetime}, {@code --to-earliest}, {@code --to-latest}, {@code --to-offset}), while the service runs on
 * any number of instances.
 * <p>
 * Kafka moves a group's committed offsets only while the group has no members. The instance that takes the call
 * therefore asks every instance over the replay-control topic ({@link ReplayControl}) to stop its listeners of the
 * groups, waits until the broker reports the groups empty, moves the offsets and tells every instance to start them
 * again; they then read from there. A member that is no instance of the service (a {@code kafka-console-consumer} in
 * the group) keeps a group from emptying: the replay is then called off and answered 409 naming it. Consumers are
 * idempotent on the event id, so events read again change nothing that was already done.
 */
public class ConsumerGroupReplay {

	private static final Logger log = LoggerFactory.getLogger(ConsumerGroupReplay.class);

	private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private final KafkaListenerEndpointRegistry listeners;

	private final KafkaAdmin kafkaAdmin;

	private final ReplayControl control;

	private final List<String> listenerIds;

	private final Duration emptyGroupTimeout;

	private final Duration pauseDeadline;

	private final Clock clock;

	ConsumerGroupReplay(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, ReplayControl control,
			ReplayProperties properties, Clock clock) {
		this.listeners = listeners;
		this.kafkaAdmin = kafkaAdmin;
		this.control = control;
		this.listenerIds = List.copyOf(properties.listenerIds());
		this.emptyGroupTimeout = properties.emptyGroupTimeout();
		this.pauseDeadline = properties.pauseDeadline();
		this.clock = clock;
	}

	/** Rewinds the groups of {@link #rewind(ReplayRequest)} to the instant. */
	public Replay rewind(Instant from) {
		return rewind(new ReplayRequest(from));
	}

	/**
	 * Rewinds the group of every configured listener, or of every {@code @KafkaListener} of the service when none is
	 * configured (their ids then live in the code only), or of those of the request's group; one replay at a time
	 * per instance. A dry run changes nothing and answers what would be set.
	 */
	public synchronized Replay rewind(ReplayRequest request) {
		List<Target> targets = targets(request.group());
		try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
			Map<Target, Map<TopicPartition, Long>> plan = plan(admin, targets, request);
			List<String> groupIds = plan.keySet().stream().map(Target::groupId).distinct().toList();
			if (request.isDryRun() || plan.isEmpty()) {
				return answer(request, plan, committed(admin, groupIds), request.isDryRun());
			}
			String replayId = UUID.randomUUID().toString();
			Instant deadline = clock.instant().plus(pauseDeadline);
			try {
				control.pause(replayId, groupIds, deadline);
				send(ReplayControlMessage.pause(replayId, groupIds, deadline));
				Map<String, Map<TopicPartition, Long>> committed = awaitEmptyAndRewind(admin, groupIds, plan);
				log.info("Replay {} rewound groups {}", replayId, groupIds);
				return answer(request, plan, committed, false);
			}
			finally {
				control.resume(replayId);
				try {
					send(ReplayControlMessage.resume(replayId));
				}
				catch (ErrorResponseException ex) {
					log.warn("Could not tell the other instances that replay {} is over; they start their listeners "
							+ "again at its deadline", replayId);
				}
			}
		}
	}

	private record Target(String listenerId, String groupId, List<String> topics) {
	}

	private List<Target> targets(@Nullable String group) {
		List<String> ids = listenerIds.isEmpty() ? listeners.getListenerContainerIds().stream().sorted().toList()
				: listenerIds;
		List<Target> targets = new ArrayList<>();
		for (String listenerId : ids) {
			MessageListenerContainer container = listeners.getListenerContainer(listenerId);
			if (container == null) {
				throw new IllegalStateException("No listener container with id " + listenerId);
			}
			String groupId = container.getGroupId();
			String[] topics = container.getContainerProperties().getTopics();
			if (groupId == null || topics == null) {
				throw new IllegalStateException("Listener " + listenerId + " needs a group id and named topics");
			}
			targets.add(new Target(listenerId, groupId, List.of(topics)));
		}
		if (group == null) {
			return targets;
		}
		List<Target> ofGroup = targets.stream().filter(target -> target.groupId().equals(group)).toList();
		if (ofGroup.isEmpty()) {
			throw invalid(new FieldProblem("group", "ConsumerGroup", "is not a consumer group this service replays; "
					+ "its groups: " + String.join(", ", targets.stream().map(Target::groupId).distinct().toList())));
		}
		return ofGroup;
	}

	/** The offsets each listener's group is to read from next, checked before anything stops. */
	private Map<Target, Map<TopicPartition, Long>> plan(Admin admin, List<Target> targets, ReplayRequest request) {
		Set<String> topics = new LinkedHashSet<>();
		targets.forEach(target -> topics.addAll(target.topics()));
		Map<String, TopicDescription> descriptions = await(admin.describeTopics(topics).allTopicNames());
		List<TopicPartition> partitions = new ArrayList<>();
		descriptions.values()
			.forEach(topic -> topic.partitions()
				.forEach(partition -> partitions.add(new TopicPartition(topic.name(), partition.partition()))));
		Map<TopicPartition, Long> offsets;
		if (request.from() != null) {
			offsets = offsetsAt(admin, partitions, request.from());
		}
		else if (request.to() != null) {
			offsets = listOffsets(admin, partitions,
					request.to() == ReplayRequest.To.EARLIEST ? OffsetSpec.earliest() : OffsetSpec.latest());
		}
		else {
			offsets = requestedOffsets(admin, targets, partitions, Objects.requireNonNull(request.offsets()));
		}
		Map<Target, Map<TopicPartition, Long>> plan = new LinkedHashMap<>();
		for (Target target : targets) {
			Map<TopicPartition, Long> ofTarget = new LinkedHashMap<>();
			offsets.forEach((partition, offset) -> {
				if (target.topics().contains(partition.topic())) {
					ofTarget.put(partition, offset);
				}
			});
			if (!ofTarget.isEmpty()) {
				plan.put(target, ofTarget);
			}
		}
		return plan;
	}

	/** The offsets of the request, each within what its partition holds: from the earliest retained to its end. */
	private static Map<TopicPartition, Long> requestedOffsets(Admin admin, List<Target> targets,
			List<TopicPartition> partitions, List<ReplayRequest.PartitionOffset> requested) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
		for (int i = 0; i < requested.size(); i++) {
			ReplayRequest.PartitionOffset entry = requested.get(i);
			TopicPartition partition = new TopicPartition(entry.topic(), entry.partition());
			if (targets.stream().noneMatch(target -> target.topics().contains(entry.topic()))) {
				problems.add(new FieldProblem("offsets[" + i + "].topic", "ConsumedTopic",
						"is not a topic the replayed listeners read"));
			}
			else if (!partitions.contains(partition)) {
				problems.add(new FieldProblem("offsets[" + i + "].partition", "ExistingPartition",
						"is not a partition of " + entry.topic()));
			}
			else if (offsets.putIfAbsent(partition, entry.offset()) != null) {
				problems.add(new FieldProblem("offsets[" + i + "]", "UniquePartition",
						"names a partition an earlier entry names"));
			}
		}
		if (problems.isEmpty()) {
			Map<TopicPartition, Long> earliest = listOffsets(admin, List.copyOf(offsets.keySet()), OffsetSpec.earliest());
			Map<TopicPartition, Long> end = listOffsets(admin, List.copyOf(offsets.keySet()), OffsetSpec.latest());
			for (int i = 0; i < requested.size(); i++) {
				ReplayRequest.PartitionOffset entry = requested.get(i);
				TopicPartition partition = new TopicPartition(entry.topic(), entry.partition());
				long from = Objects.requireNonNull(earliest.get(partition), "asked for every partition");
				long to = Objects.requireNonNull(end.get(partition), "asked for every partition");
				if (entry.offset() < from || entry.offset() > to) {
					problems.add(new FieldProblem("offsets[" + i + "].offset", "OffsetRange", "must be between " + from
							+ " (the earliest retained) and " + to + " (the end of " + partition + ")"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw invalid(problems.toArray(FieldProblem[]::new));
		}
		return offsets;
	}

	/**
	 * Waits until no member is left in the groups, then moves their offsets. A member that joins in between (an
	 * instance that started meanwhile) makes the broker refuse the move; it is tried again until the time is up.
	 *
	 * @return the committed offsets before the move, by group
	 */
	private Map<String, Map<TopicPartition, Long>> awaitEmptyAndRewind(Admin admin, List<String> groupIds,
			Map<Target, Map<TopicPartition, Long>> plan) {
		AtomicReference<List<Member>> members = new AtomicReference<>(List.of());
		// Admin has no call that waits for a group's state: ask until it is empty or the time is up.
		RetryTemplate untilEmpty = new RetryTemplate(RetryPolicy.builder()
			.includes(GroupNotEmptyYet.class)
			.maxRetries(Long.MAX_VALUE)
			.delay(POLL_INTERVAL)
			.multiplier(1.5)
			.maxDelay(Duration.ofSeconds(1))
			.timeout(emptyGroupTimeout)
			.build());
		try {
			return untilEmpty.execute(() -> {
				List<Member> now = members(admin, groupIds);
				members.set(now);
				if (now.isEmpty()) {
					Map<String, Map<TopicPartition, Long>> committed = committed(admin, groupIds);
					if (alter(admin, groupIds, plan)) {
						return committed;
					}
				}
				throw new GroupNotEmptyYet();
			});
		}
		catch (RetryException ex) {
			if (ex.getLastException() instanceof RuntimeException failure && !(failure instanceof GroupNotEmptyYet)) {
				throw failure;
			}
			throw stillMembers(Objects.requireNonNull(members.get(), "set before every try"));
		}
	}

	/** A member is still in a group, or joined before the offsets could move: ask again. */
	private static final class GroupNotEmptyYet extends RuntimeException {

		private static final long serialVersionUID = 1L;

		GroupNotEmptyYet() {
			super(null, null, false, false);
		}

	}

	record Member(String groupId, String memberId, String clientId, String host) {
	}

	private static List<Member> members(Admin admin, List<String> groupIds) {
		Map<String, ConsumerGroupDescription> groups = await(admin.describeConsumerGroups(groupIds).all());
		List<Member> members = new ArrayList<>();
		groups.forEach((groupId, group) -> group.members()
			.forEach(member -> members.add(new Member(groupId, member.consumerId(), member.clientId(), member.host()))));
		return members;
	}

	/** @return false when a group had a member again, so the offsets could not be moved yet */
	private static boolean alter(Admin admin, List<String> groupIds, Map<Target, Map<TopicPartition, Long>> plan) {
		for (String groupId : groupIds) {
			Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
			plan.forEach((target, ofTarget) -> {
				if (target.groupId().equals(groupId)) {
					ofTarget.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
				}
			});
			try {
				admin.alterConsumerGroupOffsets(groupId, offsets).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof GroupNotEmptyException || ex.getCause() instanceof UnknownMemberIdException) {
					return false;
				}
				log.warn("Could not rewind group {}: {}", groupId, String.valueOf(ex.getCause()));
				throw brokerUnavailable();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while rewinding group " + groupId, ex);
			}
			catch (TimeoutException ex) {
				throw brokerUnavailable();
			}
		}
		return true;
	}

	private static Map<String, Map<TopicPartition, Long>> committed(Admin admin, List<String> groupIds) {
		Map<String, Map<TopicPartition, Long>> committed = new LinkedHashMap<>();
		for (String groupId : groupIds) {
			Map<TopicPartition, OffsetAndMetadata> offsets = await(
					admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
			Map<TopicPartition, Long> ofGroup = new LinkedHashMap<>();
			offsets.forEach((partition, offset) -> {
				if (offset != null) {
					ofGroup.put(partition, offset.offset());
				}
			});
			committed.put(groupId, ofGroup);
		}
		return committed;
	}

	private static Replay answer(ReplayRequest request, Map<Target, Map<TopicPartition, Long>> plan,
			Map<String, Map<TopicPartition, Long>> committed, boolean dryRun) {
		List<Replay.Group> groups = new ArrayList<>();
		plan.forEach((target, offsets) -> {
			Map<TopicPartition, Long> ofGroup = committed.getOrDefault(target.groupId(), Map.of());
			groups.add(new Replay.Group(target.listenerId(), target.groupId(), offsets.entrySet()
				.stream()
				.map(entry -> new Replay.Partition(entry.getKey().topic(), entry.getKey().partition(), entry.getValue(),
						ofGroup.get(entry.getKey())))
				.sorted(Comparator.comparing(Replay.Partition::topic).thenComparingInt(Replay.Partition::partition))
				.toList()));
		});
		return new Replay(request.from(), dryRun, groups);
	}

	/** The first offset at or after the instant; the end of a partition with nothing that recent. */
	private static Map<TopicPartition, Long> offsetsAt(Admin admin, List<TopicPartition> partitions, Instant from) {
		Map<TopicPartition, Long> found = listOffsets(admin, partitions, OffsetSpec.forTimestamp(from.toEpochMilli()));
		List<TopicPartition> atEnd = found.entrySet().stream().filter(entry -> entry.getValue() < 0)
			.map(Map.Entry::getKey).toList();
		Map<TopicPartition, Long> ends = atEnd.isEmpty() ? Map.of() : listOffsets(admin, atEnd, OffsetSpec.latest());
		Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
		found.forEach((partition, offset) -> offsets.put(partition, offset >= 0 ? offset
				: Objects.requireNonNull(ends.get(partition), "asked for every partition without an offset")));
		return offsets;
	}

	private static Map<TopicPartition, Long> listOffsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) {
		Map<TopicPartition, OffsetSpec> specs = new LinkedHashMap<>();
		partitions.forEach(partition -> specs.put(partition, spec));
		Map<TopicPartition, ListOffsetsResultInfo> found = await(admin.listOffsets(specs).all());
		Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
		partitions.forEach(partition -> offsets.put(partition,
				Objects.requireNonNull(found.get(partition), "asked for every partition").offset()));
		return offsets;
	}

	private void send(ReplayControlMessage message) {
		try {
			control.publish(message);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending " + message.type(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			log.warn("Could not send {} of replay {}: {}", message.type(), message.replayId(), String.valueOf(ex));
			throw brokerUnavailable();
		}
	}

	private static <T> T await(KafkaFuture<T> future) {
		try {
			return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking the broker", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw brokerUnavailable();
		}
	}

	private static ErrorResponseException invalid(FieldProblem... problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ",
				Arrays.stream(problems).map(error -> error.field() + " " + error.message()).toList()));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(problems));
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	private ErrorResponseException stillMembers(List<Member> members) {
		List<String> named = members.stream()
			.map(member -> member.clientId() + " at " + member.host() + " in " + member.groupId())
			.distinct()
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The consumer groups still had "
				+ "members after " + emptyGroupTimeout.toSeconds() + " s that are no instances of this service taking "
				+ "part in the replay (e.g. a kafka-console-consumer): " + String.join(", ", named)
				+ "; nothing was changed and every listener runs again; stop them, then replay");
		problem.setTitle("Consumer group not empty");
		problem.setProperty("members", members);
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	private static ErrorResponseException brokerUnavailable() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The Kafka broker did not answer; try again later");
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
		exception.getHeaders().set("Retry-After", "10");
		return exception;
	}
}
