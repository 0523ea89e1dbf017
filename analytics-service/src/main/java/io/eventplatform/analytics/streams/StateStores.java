package io.eventplatform.analytics.streams;

import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Interactive queries: the topology's state stores, read-only, or a 503 while the topology is not running. While the
 * instance that owns a key is gone, a query may be answered from this instance's standby replica of the key's
 * partition instead ({@link #fromReplica}).
 */
@Component
public class StateStores {

	/**
	 * The partition whose local replica (a standby, or an active task being restored) the current thread's queries
	 * read; a thread-bound scope so that every query of the calling controller reads that partition, whatever stores
	 * it reads, without each query method taking it as a parameter.
	 */
	private static final ThreadLocal<@Nullable Integer> REPLICA_PARTITION = new ThreadLocal<>();

	private final StreamsBuilderFactoryBean streams;

	StateStores(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	/**
	 * Runs a query against a store; a store that is being restored or moves to another thread or instance during the
	 * query (a rebalance) answers 503, so the client retries instead of seeing a 500.
	 */
	public <S, R> R query(String name, QueryableStoreType<S> type, Function<S, R> query) {
		KafkaStreams kafkaStreams = streams.getKafkaStreams();
		Integer partition = REPLICA_PARTITION.get();
		if (kafkaStreams == null || !(kafkaStreams.state() == KafkaStreams.State.RUNNING
				|| partition != null && kafkaStreams.state() == KafkaStreams.State.REBALANCING)) {
			throw unavailable();
		}
		StoreQueryParameters<S> parameters = StoreQueryParameters.fromNameAndType(name, type);
		if (partition != null) {
			parameters = parameters.enableStaleStores().withPartition(partition);
		}
		try {
			return query.apply(kafkaStreams.store(parameters));
		}
		catch (InvalidStateStoreException ex) {
			throw unavailable();
		}
	}

	/**
	 * Runs {@code queries} against this instance's replica of one partition, active or standby, up to date or not: a
	 * standby lags its active task by at most what the active had not yet committed, so the answer may be a commit
	 * interval behind. For use while the partition's owner cannot answer.
	 */
	public <T> T fromReplica(int partition, Supplier<T> queries) {
		REPLICA_PARTITION.set(partition);
		try {
			return queries.get();
		}
		finally {
			REPLICA_PARTITION.remove();
		}
	}

	static ErrorResponseException unavailable() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The aggregates are being restored; try again in a moment");
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
		exception.getHeaders().set("Retry-After", "2");
		return exception;
	}
}
