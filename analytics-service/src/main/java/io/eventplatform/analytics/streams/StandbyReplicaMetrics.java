package io.eventplatform.analytics.streams;

import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.errors.StreamsException;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * How ready this instance is to stand in for another: the standby tasks it keeps, and how far the most lagging of its
 * local store replicas is behind its changelog. An instance that has just (re)started has no standby, or one still
 * restoring, for a while after it is ready: stopping another instance then leaves that one's keys unanswered (no
 * caught-up standby to answer from, {@link KeyQueries}) until the group has moved and restored its tasks. A rolling
 * restart waits for these before stopping the next instance. Read at each scrape: the lag asks the broker for the
 * changelogs' end offsets.
 */
@Component
class StandbyReplicaMetrics implements MeterBinder {

	static final String STANDBY_TASKS = "platform.analytics.streams.standby.tasks";

	static final String REPLICA_LAG = "platform.analytics.streams.replica.lag";

	private final StreamsBuilderFactoryBean streams;

	StandbyReplicaMetrics(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(STANDBY_TASKS, this, StandbyReplicaMetrics::standbyTasks)
			.description("Standby tasks this instance keeps of other instances' stores (NaN unless running: while "
					+ "rebalancing too)")
			.register(registry);
		Gauge.builder(REPLICA_LAG, this, StandbyReplicaMetrics::largestLag)
			.description("How far the most lagging local store replica (active or standby) is behind its changelog "
					+ "(NaN while not running)")
			.baseUnit("records")
			.register(registry);
	}

	double standbyTasks() {
		KafkaStreams kafkaStreams = streams.getKafkaStreams();
		// While the group rebalances, the tasks here may be about to change: not a state to stop another instance in
		if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
			return Double.NaN;
		}
		try {
			return kafkaStreams.metadataForLocalThreads()
				.stream()
				.mapToInt(thread -> thread.standbyTasks().size())
				.sum();
		}
		catch (IllegalStateException ex) {
			// Stopped between the state check and the call
			return Double.NaN;
		}
	}

	double largestLag() {
		KafkaStreams kafkaStreams = running();
		if (kafkaStreams == null) {
			return Double.NaN;
		}
		try {
			return kafkaStreams.allLocalStorePartitionLags()
				.values()
				.stream()
				.map(Map::values)
				.flatMap(lags -> lags.stream().map(LagInfo::offsetLag))
				.mapToLong(Long::longValue)
				.max()
				.orElse(0);
		}
		catch (IllegalStateException | StreamsException ex) {
			// Stopped meanwhile, or the broker did not tell the changelogs' ends in time
			return Double.NaN;
		}
	}

	private @Nullable KafkaStreams running() {
		KafkaStreams kafkaStreams = streams.getKafkaStreams();
		return kafkaStreams != null && kafkaStreams.state().isRunningOrRebalancing() ? kafkaStreams : null;
	}
}
