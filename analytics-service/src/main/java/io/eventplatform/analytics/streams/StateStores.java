package io.eventplatform.analytics.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
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

	public <S> S store(String name, QueryableStoreType<S> type) {
		KafkaStreams kafkaStreams = streams.getKafkaStreams();
		if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The aggregates are being restored; try again in a moment");
			throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
		}
		return kafkaStreams.store(StoreQueryParameters.fromNameAndType(name, type));
	}
}
