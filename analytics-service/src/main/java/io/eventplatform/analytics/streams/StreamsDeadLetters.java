package io.eventplatform.analytics.streams;

import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Where Kafka Streams' error handlers set a record aside: its original key, value and headers go to
 * {@code <topic>-dlt} (the same partition) through spring-kafka's {@link DeadLetterPublishingRecoverer}, so the
 * cause is in the same {@code kafka_dlt-*} headers as the listeners' dead letters. A record of one of the
 * topology's internal (repartition) topics goes to {@link #INTERNAL_DEAD_LETTER_TOPIC}.
 * <p>
 * The send is not part of the stream task's transaction (Kafka 4.1's handlers cannot add records to it): it is
 * acknowledged before the handler lets the task go on, so the record is in the dead-letter topic before its offset is
 * committed; if the task aborts after that, a re-run may dead-letter it once more (at least once, never lost).
 */
public final class StreamsDeadLetters {

	/** The key under which the error handlers find this object in the Kafka Streams configuration. */
	public static final String CONFIG_KEY = "platform.streams.dead-letters";

	public static final String INTERNAL_DEAD_LETTER_TOPIC = "analytics-service-internal-dlt";

	static final String METRIC = "platform.analytics.streams.dead-letters";

	private static final Logger log = LoggerFactory.getLogger(StreamsDeadLetters.class);

	private final DeadLetterPublishingRecoverer recoverer;

	private final MeterRegistry meterRegistry;

	public StreamsDeadLetters(KafkaOperations<?, ?> template, Set<String> inputTopics, MeterRegistry meterRegistry) {
		this.recoverer = new DeadLetterPublishingRecoverer(template,
				(record, exception) -> inputTopics.contains(record.topic())
						? new TopicPartition(record.topic() + "-dlt", record.partition())
						// A negative partition lets the producer choose.
						: new TopicPartition(INTERNAL_DEAD_LETTER_TOPIC, -1));
		this.meterRegistry = meterRegistry;
	}

	static StreamsDeadLetters from(Map<String, ?> streamsConfig) {
		Object deadLetters = streamsConfig.get(CONFIG_KEY);
		if (deadLetters instanceof StreamsDeadLetters configured) {
			return configured;
		}
		throw new IllegalStateException("The Kafka Streams configuration has no " + CONFIG_KEY);
	}

	/**
	 * Sends the record to its dead-letter topic and counts it.
	 * @param stage where it failed: {@code deserialization} or {@code processing}
	 * @return whether the broker acknowledged it; if not, the handler must fail the task so the record is retried
	 */
	boolean deadLetter(ConsumerRecord<byte[], byte[]> record, Exception cause, String stage) {
		try {
			recoverer.accept(record, cause);
		}
		catch (RuntimeException sendFailure) {
			log.error("Could not dead-letter record {}-{}@{} that failed in {}; the task fails and retries it",
					record.topic(), record.partition(), record.offset(), stage, sendFailure);
			counter(record.topic(), stage, "failed").increment();
			return false;
		}
		log.warn("Record {}-{}@{} failed in {} and went to the dead-letter topic: {}", record.topic(),
				record.partition(), record.offset(), stage, cause.toString());
		counter(record.topic(), stage, "dead-lettered").increment();
		return true;
	}

	/** A failure with no record to set aside (a punctuation): counted and logged only. */
	void countUnrecoverable(@Nullable String topic, Exception cause, String stage) {
		log.error("A failure in {} without a source record (topic {}); skipped", stage, topic, cause);
		counter(topic == null ? "none" : topic, stage, "skipped").increment();
	}

	private Counter counter(String topic, String stage, String outcome) {
		return Counter.builder(METRIC)
			.description("Records Kafka Streams could not process, by input topic, stage and outcome")
			.tag("topic", topic)
			.tag("stage", stage)
			.tag("outcome", outcome)
			.register(meterRegistry);
	}
}
