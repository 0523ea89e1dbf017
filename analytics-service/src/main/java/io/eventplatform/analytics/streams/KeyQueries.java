package io.eventplatform.analytics.streams;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsException;
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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers a query for one key wherever its state lives. Each instance holds the stores of the partitions it owns;
 * a key owned by another instance is answered by forwarding the request, with the caller's token, to that instance
 * ({@code application.server} tells each instance where the others listen). While that instance does not answer (it
 * died, and the group has not yet moved its partitions), this instance answers from its standby replica of the key's
 * partition ({@code num.standby.replicas}) if that replica is caught up, marked with {@value #STALE_HEADER}.
 */
@Component
public class KeyQueries {

	/** Marks a forwarded request: the receiver answers from its own stores or not at all, so requests never loop. */
	static final String FORWARDED_HEADER = "X-Analytics-Forwarded";

	/**
	 * Marks an answer read from a standby replica: it may lack what the dead owner had not yet committed (at most a
	 * commit interval's worth).
	 */
	public static final String STALE_HEADER = "X-Analytics-Stale";

	private static final Logger log = LoggerFactory.getLogger(KeyQueries.class);

	private final StreamsBuilderFactoryBean streams;

	private final StateStores stores;

	private final RestClient http;

	public KeyQueries(StreamsBuilderFactoryBean streams, StateStores stores, RestClient.Builder http) {
		this.streams = streams;
		this.stores = stores;
		this.http = http.build();
	}

	/** Whether another instance sent this request for this instance's part of a {@link #gather}ed answer. */
	public static boolean isForwarded(HttpServletRequest request) {
		return request.getHeader(FORWARDED_HEADER) != null;
	}

	/** Where a key's state lives, seen from this instance. */
	public sealed interface Owner permits Local, Remote, Unknown {
	}

	/**
	 * This instance owns the key.
	 * @param partition the key's partition, or null when this is the only instance and nobody asked where keys live
	 */
	public record Local(@Nullable Integer partition) implements Owner {
	}

	/**
	 * Another instance owns the key.
	 * @param replicaPartition the key's partition when this instance holds a standby replica of it, else null
	 */
	public record Remote(HostInfo host, @Nullable Integer replicaPartition) implements Owner {
	}

	public record Unknown() implements Owner {
	}

	/**
	 * Answers locally when this instance owns the key (or is the only one), else forwards the request to the owner.
	 * @param type the body the owner answers with
	 */
	public <T> T answer(String store, String key, HttpServletRequest request, Class<T> type, Supplier<T> local) {
		Owner owner = ownerOf(store, key);
		if (owner instanceof Local here) {
			KafkaStreams kafkaStreams = streams.getKafkaStreams();
			Integer partition = here.partition();
			if (partition != null && kafkaStreams != null && kafkaStreams.state() == KafkaStreams.State.REBALANCING) {
				// While the group moves tasks (an instance died or came back) the tasks kept here go on processing
				return fromReplica(store, partition, local);
			}
			return local.get();
		}
		if (owner instanceof Remote remote && request.getHeader(FORWARDED_HEADER) == null) {
			try {
				return forward(remote.host(), request, type);
			}
			catch (OwnerUnreachable ex) {
				Integer partition = remote.replicaPartition();
				if (partition == null) {
					throw StateStores.unavailable();
				}
				log.debug("Answering a query from the standby replica of {} partition {}: {} did not answer", store,
						partition, remote.host());
				return fromReplica(store, partition, local);
			}
		}
		// Partitions move during a rebalance: the caller retries and then reaches the new owner.
		throw StateStores.unavailable();
	}

	/** The answer of this instance's replica of the partition, if it is caught up, marked as possibly stale. */
	private <T> T fromReplica(String store, int partition, Supplier<T> local) {
		if (!caughtUp(store, partition)) {
			throw StateStores.unavailable();
		}
		T answer = stores.fromReplica(partition, local);
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getResponse() != null) {
			attributes.getResponse().setHeader(STALE_HEADER, "true");
		}
		return answer;
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
				try {
					result = merge.apply(result, forward(instance.hostInfo(), request, type));
				}
				catch (OwnerUnreachable ex) {
					// Its partitions are answered again once the group has given them to the instances left.
					throw StateStores.unavailable();
				}
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
			return new Local(null);
		}
		KeyQueryMetadata metadata = kafkaStreams.queryMetadataForKey(store, key, Serdes.String().serializer());
		return decide(self, metadata);
	}

	static Owner decide(HostInfo self, KeyQueryMetadata metadata) {
		if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
				|| metadata.activeHost() == null || metadata.activeHost().port() < 0) {
			return new Unknown();
		}
		if (metadata.activeHost().equals(self)) {
			return new Local(metadata.partition());
		}
		return new Remote(metadata.activeHost(), metadata.standbyHosts().contains(self) ? metadata.partition() : null);
	}

	/**
	 * Whether this instance's replica of the store's partition is within {@code acceptable.recovery.lag} of its
	 * changelog's end, the lag at which Kafka Streams itself counts a replica as caught up.
	 */
	private boolean caughtUp(String store, int partition) {
		KafkaStreams kafkaStreams = streams.getKafkaStreams();
		if (kafkaStreams == null) {
			return false;
		}
		Properties config = streams.getStreamsConfiguration();
		long acceptable = config == null ? 10_000
				: Long.parseLong(config.getProperty(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, "10000"));
		try {
			LagInfo lag = kafkaStreams.allLocalStorePartitionLags().getOrDefault(store, Map.of()).get(partition);
			return lag != null && lag.offsetLag() <= acceptable;
		}
		catch (StreamsException ex) {
			log.warn("Could not tell how far this instance's replica of {} partition {} lags: {}", store, partition,
					ex.getMessage());
			return false;
		}
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
			throw new OwnerUnreachable();
		}
		if (body == null) {
			log.warn("The instance {} holding a queried key answered without a body", owner);
			throw new OwnerUnreachable();
		}
		return body;
	}

	/** The instance a query was forwarded to gave no answer (as opposed to an answer such as 404 or 503). */
	private static final class OwnerUnreachable extends RuntimeException {

		OwnerUnreachable() {
			super(null, null, false, false);
		}
	}
}
