package io.eventplatform.analytics.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Ready once the topology has run, and then while it runs or rebalances: the aggregates cannot be queried or updated
 * otherwise. Not ready before its first {@code RUNNING}: on a new cluster Kafka Streams creates its internal topics
 * during the first rebalance and, seeing them, rebalances again; until then every query would answer 503. Not ready
 * either while stream threads keep dying: a dead thread is replaced and the client stays {@code RUNNING}, so the
 * state alone would hide a thread that fails on every attempt ({@link StreamThreadFailures}).
 */
@Component("kafkaStreams")
class KafkaStreamsHealthIndicator extends AbstractHealthIndicator {

	private final StreamsBuilderFactoryBean streams;

	private final StreamThreadFailures failures;

	/** The client seen RUNNING last; a restarted factory bean has a new client, which must run before it is ready. */
	private volatile @Nullable KafkaStreams seenRunning;

	KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams, StreamThreadFailures failures) {
		this.streams = streams;
		this.failures = failures;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		KafkaStreams kafkaStreams = streams.getKafkaStreams();
		KafkaStreams.State state = kafkaStreams == null ? KafkaStreams.State.NOT_RUNNING : kafkaStreams.state();
		if (state == KafkaStreams.State.RUNNING) {
			seenRunning = kafkaStreams;
		}
		boolean ready = state == KafkaStreams.State.RUNNING
				|| (state == KafkaStreams.State.REBALANCING && seenRunning == kafkaStreams);
		if (failures.recentlyFailed()) {
			builder.down()
				.withDetail("state", state)
				.withDetail("streamThreadFailed", "within the last " + failures.quietPeriod())
				.withDetail("cause", String.valueOf(failures.lastCause()));
			return;
		}
		(ready ? builder.up() : builder.down()).withDetail("state", state);
	}
}
