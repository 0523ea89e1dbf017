package io.eventplatform.analytics.streams;

import org.apache.kafka.streams.KafkaStreams;
import java.util.function.Function;

import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** Interactive queries: the topology's state stores, read-only, or a 503 while the topology is not running. */
@Component
public class StateStores {

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
		if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
			throw unavailable();
		}
		try {
			return query.apply(kafkaStreams.store(StoreQueryParameters.fromNameAndType(name, type)));
		}
		catch (InvalidStateStoreException ex) {
			throw unavailable();
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
