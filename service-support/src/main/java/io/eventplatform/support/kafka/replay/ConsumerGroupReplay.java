package io.eventplatform.support.kafka.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.ErrorResponseException;

/**
 * Rewinds the consumer groups of a service's listeners to a point in time, as
 * {@code kafka-consumer-groups --reset-offsets --to-datetime} does: the listener containers stop (so their consumers
 * leave the group), the group's committed offsets move to the first record at or after the instant on every
 * partition (the end of a partition with nothing that recent), and the containers start again and read from there.
 * <p>
 * Kafka only lets a group's offsets be moved while the group has no members, so a replay is refused (409) while
 * another instance of the service consumes in the same group. Consumers are idempotent on the event id, so events
 * read again change nothing that was already done.
 */
public class ConsumerGroupReplay {

	private static final Logger log = LoggerFactory.getLogger(ConsumerGroupReplay.class);

	private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

	private final KafkaListenerEndpointRegistry listeners;

	private final KafkaAdmin kafkaAdmin;

	private final List<String> listenerIds;

	public ConsumerGroupReplay(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin,
			List<String> listenerIds) {
		this.listeners = listeners;
		this.kafkaAdmin = kafkaAdmin;
		this.listenerIds = List.copyOf(listenerIds);
	}

	/**
	 * Rewinds the group of every configured listener, or of every {@code @KafkaListener} of the service when none is
	 * configured (their ids then live in the code only); one replay at a time.
	 */
	public synchronized Replay rewind(Instant from) {
		List<Replay.Group> groups = new ArrayList<>();
		List<String> rewound = listenerIds.isEmpty() ? listeners.getListenerContainerIds().stream().sorted().toList()
				: listenerIds;
		try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
			for (String listenerId : rewound) {
				groups.add(rewind(admin, listenerId, from));
			}
		}
		return new Replay(from, groups);
	}

	private Replay.Group rewind(Admin admin, String listenerId, Instant from) {
		MessageListenerContainer container = listeners.getListenerContainer(listenerId);
		if (container == null) {
			throw new IllegalStateException("No listener container with id " + listenerId);
		}
		String groupId = container.getGroupId();
		String[] topics = container.getContainerProperties().getTopics();
		if (groupId == null || topics == null) {
			throw new IllegalStateException("Listener " + listenerId + " needs a group id and named topics");
		}
		boolean wasRunning = container.isRunning();
		container.stop();
		try {
			Map<TopicPartition, OffsetAndMetadata> offsets = offsetsAt(admin, List.of(topics), from);
			try {
				admin.alterConsumerGroupOffsets(groupId, offsets).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException ex) {
				log.warn("Could not rewind group {}: {}", groupId, String.valueOf(ex.getCause()));
				throw groupBusy(groupId);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while rewinding group " + groupId, ex);
			}
			catch (TimeoutException ex) {
				throw brokerUnavailable();
			}
			log.info("Rewound group {} of listener {} to {}", groupId, listenerId, from);
			return new Replay.Group(listenerId, groupId, offsets.entrySet()
				.stream()
				.map(entry -> new Replay.PartitionOffset(entry.getKey().topic(), entry.getKey().partition(),
						entry.getValue().offset()))
				.sorted(Comparator.comparing(Replay.PartitionOffset::topic)
					.thenComparingInt(Replay.PartitionOffset::partition))
				.toList());
		}
		finally {
			if (wasRunning) {
				container.start();
			}
		}
	}

	private static Map<TopicPartition, OffsetAndMetadata> offsetsAt(Admin admin, List<String> topics, Instant from) {
		Map<String, TopicDescription> descriptions = await(admin.describeTopics(topics).allTopicNames());
		Map<TopicPartition, OffsetSpec> atInstant = new LinkedHashMap<>();
		descriptions.values()
			.forEach(topic -> topic.partitions()
				.forEach(partition -> atInstant.put(new TopicPartition(topic.name(), partition.partition()),
						OffsetSpec.forTimestamp(from.toEpochMilli()))));
		Map<TopicPartition, ListOffsetsResultInfo> found = await(admin.listOffsets(atInstant).all());
		Map<TopicPartition, OffsetSpec> atEnd = new LinkedHashMap<>();
		found.forEach((partition, info) -> {
			if (info.offset() < 0) {
				atEnd.put(partition, OffsetSpec.latest());
			}
		});
		Map<TopicPartition, ListOffsetsResultInfo> ends = atEnd.isEmpty() ? Map.of() : await(admin.listOffsets(atEnd).all());
		Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
		found.forEach((partition, info) -> offsets.put(partition,
				new OffsetAndMetadata(info.offset() >= 0 ? info.offset()
						: Objects.requireNonNull(ends.get(partition), "asked for every partition without an offset")
							.offset())));
		return offsets;
	}

	private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
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

	private static ErrorResponseException groupBusy(String groupId) {
		return new ErrorResponseException(HttpStatus.CONFLICT,
				ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Consumer group " + groupId
						+ " has other active members (other instances of this service); stop them, then replay"),
				null);
	}

	private static ErrorResponseException brokerUnavailable() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The Kafka broker did not answer; try again later");
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
		exception.getHeaders().set("Retry-After", "10");
		return exception;
	}
}
