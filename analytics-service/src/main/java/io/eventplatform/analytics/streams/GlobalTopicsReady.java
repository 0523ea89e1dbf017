package io.eventplatform.analytics.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Holds Kafka Streams back until the broker lists the partitions of the topics it reads into global stores (the fraud
 * rules, {@code analytics.fraud-rules}). Kafka Streams refuses to start a global store whose topic shows no partitions
 * ("There are no partitions available"), and right after {@link KafkaAdmin} created the topic at start-up a busy broker
 * may not list them for a moment.
 */
@Component
class GlobalTopicsReady implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(GlobalTopicsReady.class);

	/** No callback tells when the broker's metadata has a new topic: ask again, at growing intervals. */
	private static final RetryPolicy UNTIL_LISTED = RetryPolicy.builder()
		.includes(NotListedYet.class)
		.maxRetries(Long.MAX_VALUE)
		.delay(Duration.ofMillis(100))
		.multiplier(2)
		.maxDelay(Duration.ofSeconds(2))
		.timeout(Duration.ofSeconds(60))
		.build();

	private final KafkaAdmin admin;

	private final StreamsBuilderFactoryBean streams;

	private volatile boolean running;

	GlobalTopicsReady(KafkaAdmin admin, StreamsBuilderFactoryBean streams) {
		this.admin = admin;
		this.streams = streams;
	}

	@Override
	public void start() {
		for (String topic : globalStoreTopics()) {
			try {
				new RetryTemplate(UNTIL_LISTED).execute(() -> {
					awaitListed(topic);
					return topic;
				});
			}
			catch (RetryException ex) {
				log.warn("The broker lists no partitions of {} ({}); starting Kafka Streams anyway", topic,
						String.valueOf(ex.getLastException()));
			}
		}
		running = true;
	}

	/** Every topic the topology reads into a global store, from the topology itself. */
	private Set<String> globalStoreTopics() {
		Topology topology = streams.getTopology();
		if (topology == null) {
			return Set.of();
		}
		Set<String> topics = new TreeSet<>();
		topology.describe().globalStores().forEach(store -> topics.addAll(store.source().topicSet()));
		return topics;
	}

	/** Returns once the partitions are listed, or the broker does not answer (nothing to wait for then). */
	private void awaitListed(String topic) {
		try {
			Map<String, TopicDescription> described = admin.describeTopics(topic);
			TopicDescription description = described.get(topic);
			if (description == null || description.partitions().isEmpty()) {
				throw new NotListedYet();
			}
		}
		catch (KafkaException ex) {
			if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof UnknownTopicOrPartitionException) {
				throw new NotListedYet();
			}
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

	private static final class NotListedYet extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotListedYet() {
			super(null, null, false, false);
		}

	}

}
