package io.eventplatform.analytics.streams;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import io.eventplatform.contract.Topics;

/**
 * Holds Kafka Streams back until the broker lists the partitions of the topics it reads into global stores. Kafka
 * Streams refuses to start a global store whose topic shows no partitions ("There are no partitions available"), and
 * right after {@link KafkaAdmin} created the topic at start-up a busy broker may not list them for a moment.
 */
@Component
class GlobalTopicsReady implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(GlobalTopicsReady.class);

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final Duration POLL = Duration.ofMillis(200);

	private final KafkaAdmin admin;

	private volatile boolean running;

	GlobalTopicsReady(KafkaAdmin admin) {
		this.admin = admin;
	}

	@Override
	public void start() {
		String topic = Topics.ANALYTICS_FRAUD_RULES.name();
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!listed(topic)) {
			if (System.nanoTime() > deadline) {
				log.warn("The broker lists no partitions of {} after {}; starting Kafka Streams anyway", topic, PATIENCE);
				break;
			}
			try {
				// No callback tells when the broker's metadata has the new topic: ask again shortly.
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		running = true;
	}

	/** Whether to stop waiting: the partitions are listed, or the broker does not answer (nothing to wait for). */
	private boolean listed(String topic) {
		try {
			Map<String, TopicDescription> described = admin.describeTopics(topic);
			TopicDescription description = described.get(topic);
			return description != null && !description.partitions().isEmpty();
		}
		catch (KafkaException ex) {
			return !(NestedExceptionUtils.getMostSpecificCause(ex) instanceof UnknownTopicOrPartitionException);
		}
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Just before the streams: StreamsBuilderFactoryBean starts in phase Integer.MAX_VALUE - 1000. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1001;
	}

}
