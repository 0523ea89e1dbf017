package io.eventplatform.support.kafka;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.eventplatform.contract.Topic;
import io.eventplatform.contract.Topics;

/**
 * Which topics a service produces and consumes. Both are declared on the broker at start-up with the partitions and
 * retention of the contract, and a consumed topic also gets its dead-letter topic.
 *
 * @param produces the topics this service writes to (each topic has exactly one producing service)
 * @param consumes the topics this service reads
 * @param replicationFactor replicas of each topic the service declares: 1 on a single local broker, 3 in production
 * @param retry how a failed record is retried before it goes to the dead-letter topic
 */
@ConfigurationProperties("platform.kafka")
public record PlatformKafkaProperties(@DefaultValue List<String> produces, @DefaultValue List<String> consumes,
		@DefaultValue("1") short replicationFactor, @DefaultValue Retry retry) {

	public PlatformKafkaProperties {
		produces.forEach(PlatformKafkaProperties::topic);
		consumes.forEach(PlatformKafkaProperties::topic);
	}

	/**
	 * @param initialInterval the first back-off
	 * @param maxInterval the longest back-off
	 * @param maxRetries how often a record is retried before it is set aside
	 * @param maxIntervalWhileInfrastructureIsAway the longest back-off while a database or mail server is unreachable
	 * or refuses work for now ({@link TransientFailureException}): such failures are retried until it is back, with
	 * a back-off that doubles up to this, never set aside
	 */
	public record Retry(@DefaultValue("500ms") Duration initialInterval, @DefaultValue("5s") Duration maxInterval,
			@DefaultValue("4") int maxRetries, @DefaultValue("30s") Duration maxIntervalWhileInfrastructureIsAway) {
	}

	public List<Topic<?>> producedTopics() {
		return produces.stream().<Topic<?>>map(PlatformKafkaProperties::topic).toList();
	}

	public List<Topic<?>> consumedTopics() {
		return consumes.stream().<Topic<?>>map(PlatformKafkaProperties::topic).toList();
	}

	private static Topic<?> topic(String name) {
		return Topics.byName(name)
			.orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a topic of the platform; known: "
					+ Topics.all()));
	}
}
