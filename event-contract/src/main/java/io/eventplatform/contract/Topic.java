package io.eventplatform.contract;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * One topic of the platform: its name, the one event type it carries, how that event is keyed, and how the topic is
 * laid out. Kubernetes topic resources declare the same numbers.
 *
 * @param name the Kafka topic name
 * @param eventType the record every value on the topic deserialises to
 * @param cloudEventType the {@code ce_type} header value of that record
 * @param partitions the partition count; the key decides the partition, so one key keeps its order
 * @param retention how long records are kept, however small the topic ({@link Duration#ZERO} for a compacted topic)
 * @param retentionBytes how much a partition keeps at most before its oldest segments go (0 for a compacted topic)
 * @param compacted whether the topic keeps the newest record of each key for ever instead of deleting by age and size
 * @param <T> the event type
 */
public record Topic<T>(String name, Class<T> eventType, String cloudEventType, Function<T, String> keyOf,
		int partitions, Duration retention, long retentionBytes, boolean compacted) {

	/** A topic that deletes its records by age and size. */
	public Topic(String name, Class<T> eventType, String cloudEventType, Function<T, String> keyOf, int partitions,
			Duration retention, long retentionBytes) {
		this(name, eventType, cloudEventType, keyOf, partitions, retention, retentionBytes, false);
	}

	/** A compacted topic: the newest record of each key stays, whatever its age (a state, not a history). */
	public static <T> Topic<T> compacted(String name, Class<T> eventType, String cloudEventType,
			Function<T, String> keyOf, int partitions) {
		return new Topic<>(name, eventType, cloudEventType, keyOf, partitions, Duration.ZERO, 0, true);
	}

	public Topic {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(eventType, "eventType");
		Objects.requireNonNull(cloudEventType, "cloudEventType");
		Objects.requireNonNull(keyOf, "keyOf");
		if (partitions < 1) {
			throw new IllegalArgumentException("partitions must be at least 1");
		}
	}

	/** The record key of an event on this topic. */
	public String keyOf(T event) {
		return keyOf.apply(event);
	}

	/** The name of the dead-letter topic spring-kafka's recoverer sends failed records of this topic to. */
	public String deadLetterTopic() {
		return name + "-dlt";
	}

	/**
	 * Topic-level configuration as Kafka names it: {@code retention.ms} and {@code retention.bytes}, or
	 * {@code cleanup.policy=compact} for a compacted topic (which must never lose its newest record to age).
	 */
	public java.util.Map<String, String> config() {
		if (compacted) {
			return java.util.Map.of("cleanup.policy", "compact");
		}
		return java.util.Map.of("retention.ms", Long.toString(retention.toMillis()), "retention.bytes",
				Long.toString(retentionBytes));
	}

	/** The class-path resource of the JSON Schema of this topic's event data. */
	public String jsonSchemaResource() {
		return "schemas/" + eventType.getSimpleName() + ".json";
	}

	@Override
	public String toString() {
		return name;
	}
}
