package io.eventplatform.analytics.streams;

import java.net.URI;
import java.util.Properties;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers a query for one key wherever its state lives. Each instance holds the stores of the partitions it owns;
 * a key owned by another instance is answered by forwarding the request, with the caller's token, to that instance
 * ({@code application.server} tells each instance where the others listen).
 */
@Component
public class KeyQueries {

	/** Marks a forwarded request: the receiver answers from its own stores or not at all, so requests never loop. */
	static final String FORWARDED_HEADER = "X-Analytics-Forwarded";

	private static final Logger log = LoggerFactory.getLogger(KeyQueries.class);

	private final StreamsBuilderFactoryBean streams;

	private final RestClient http;

	public KeyQueries(StreamsBuilderFactoryBean streams, RestClient.Builder http) {
		this.streams = streams;
		this.http = http.build();
	}

	/** Where a key's state lives, seen from this instance. */
	public sealed interface Owner permits Local, Remote, Unknown {
	}

	public record Local() implements Owner {
	}

	public record Remote(HostInfo host) implements Owner {
	}

	public record Unknown() implements Owner {
	}

	/**
	 * Answers locally when this instance owns the key (or is the only one), else forwards the request to the owner.
	 * @param type the body the owner answers with
	 */
	public <T> T answer(String store, String key, HttpServletRequest request, Class<T> type, Supplier<T> local) {
		Owner owner = ownerOf(store, key);
		if (owner instanceof Local) {
			return local.get();
		}
		if (owner instanceof Remote remote && request.getHeader(FORWARDED_HEADER) == null) {
			return forward(remote.host(), request, type);
		}
		// Partitions move during a rebalance: the caller retries and then reaches the new owner.
		throw StateStores.unavailable();
	}

	/**
	 * Answers a query over a whole store (not one key): this instance's part, merged with the parts of every other
	 * instance that holds partitions of the store. A forwarded request is answered with the local part only.
	 */
	public <T> T gather(String store, HttpServletRequest request, Class<T> type, Supplier<T> local,
			BinaryOperator<T> merge) {
		KafkaStreams kafkaStreams = streams.getKafkaStreams();
		HostInfo self = self();
		if (request.getHeader(FORWARDED_HEADER) != null || self == null || kafkaStreams == null) {
			return local.get();
		}
		if (kafkaStreams.state() != KafkaStreams.State.RUNNING) {
			throw StateStores.unavailable();
		}
		T result = local.get();
		for (StreamsMetadata instance : kafkaStreams.streamsMetadataForStore(store)) {
			if (!instance.hostInfo().equals(self)) {
				result = merge.apply(result, forward(instance.hostInfo(), request, type));
			}
		}
		return result;
	}

	/** The owner of the key's partition of the store, by the same partitioner the producers use. */
	public Owner ownerOf(String store, String key) {
		KafkaStreams kafkaStreams = streams.getKafkaStreams();
		if (kafkaStreams == null || !kafkaStreams.state().isRunningOrRebalancing()) {
			return new Unknown();
		}
		HostInfo self = self();
		if (self == null) {
			return new Local();
		}
		KeyQueryMetadata metadata = kafkaStreams.queryMetadataForKey(store, key, Serdes.String().serializer());
		return decide(self, metadata);
	}

	static Owner decide(HostInfo self, KeyQueryMetadata metadata) {
		if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
				|| metadata.activeHost() == null || metadata.activeHost().port() < 0) {
			return new Unknown();
		}
		return metadata.activeHost().equals(self) ? new Local() : new Remote(metadata.activeHost());
	}

	private @Nullable HostInfo self() {
		Properties config = streams.getStreamsConfiguration();
		String server = config == null ? null : config.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
		return server == null || server.isBlank() ? null : HostInfo.buildFromEndpoint(server);
	}

	private <T> T forward(HostInfo owner, HttpServletRequest request, Class<T> type) {
		String query = request.getQueryString();
		URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + request.getRequestURI()
				+ (query == null ? "" : "?" + query));
		log.debug("Forwarding a query to the instance that owns its key: {}", owner);
		T body;
		try {
			body = http.get().uri(uri).headers(headers -> {
				String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
				if (authorization != null) {
					headers.set(HttpHeaders.AUTHORIZATION, authorization);
				}
				headers.set(FORWARDED_HEADER, "true");
			}).retrieve().body(type);
		}
		catch (RestClientResponseException ex) {
			// The owner's answer (404, 503, ...) is the answer: passed on with its problem detail.
			ProblemDetail problem = ex.getResponseBodyAs(ProblemDetail.class);
			throw new ErrorResponseException(ex.getStatusCode(), problem != null ? problem
					: ProblemDetail.forStatus(ex.getStatusCode()), ex);
		}
		catch (RestClientException ex) {
			log.warn("The instance {} holding a queried key did not answer: {}", owner, ex.getMessage());
			throw StateStores.unavailable();
		}
		if (body == null) {
			log.warn("The instance {} holding a queried key answered without a body", owner);
			throw StateStores.unavailable();
		}
		return body;
	}
}
