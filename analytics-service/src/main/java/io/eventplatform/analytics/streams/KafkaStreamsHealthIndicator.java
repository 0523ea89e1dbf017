package io.eventplatform.analytics.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Ready only while the topology runs (or rebalances): the aggregates cannot be queried or updated otherwise.
 */
@Component("kafkaStreams")
class KafkaStreamsHealthIndicator extends AbstractHealthIndicator {

	private final StreamsBuilderFactoryBean streams;

	KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		KafkaStreams kafkaStreams = streams.getKafkaStreams();
		KafkaStreams.State state = kafkaStreams == null ? KafkaStreams.State.NOT_RUNNING : kafkaStreams.state();
		(state.isRunningOrRebalancing() ? builder.up() : builder.down()).withDetail("state", state);
	}
}
