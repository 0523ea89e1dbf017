package io.eventplatform.weather.readings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Service;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.weather.WeatherReadingRecorded;
import io.eventplatform.support.kafka.EventPublisher;

/**
 * Publishes readings to {@code weather.readings} and returns only once the broker acknowledged them (acks=all,
 * idempotent producer); if it does not within {@link WeatherIngestProperties#publishTimeout()}, throws
 * {@link BrokerUnavailableException}. The event time ({@code ce_time}) is the observation time, so late and
 * out-of-order readings keep their meaning.
 */
@Service
public class ReadingIngestion {

	private static final Logger log = LoggerFactory.getLogger(ReadingIngestion.class);

	private final EventPublisher events;

	private final Duration publishTimeout;

	private final Duration retryAfter;

	private final DistributionSummary batchSizes;

	ReadingIngestion(EventPublisher events, WeatherIngestProperties properties, ProducerFactory<?, ?> producerFactory,
			MeterRegistry meters) {
		requireHonestBound(properties.publishTimeout(), producerFactory.getConfigurationProperties());
		this.events = events;
		this.publishTimeout = properties.publishTimeout();
		this.retryAfter = properties.retryAfter();
		this.batchSizes = DistributionSummary.builder("platform.weather.batch.size")
			.description("Readings per batch handed to the broker")
			.baseUnit("readings")
			.register(meters);
	}

	/** @return the reading's event id, once the broker has the reading */
	public String record(WeatherReadingRecorded reading) {
		return publish(List.of(reading)).get(0);
	}

	/**
	 * Hands every reading to the producer before waiting, so the producer batches them, then waits for all
	 * acknowledgements. Readings of one station keep their order on the topic (same key, same partition). When one
	 * fails, others may already be on the topic; the client's retry of the whole batch is still safe, since ids are
	 * deterministic.
	 * @return the event ids, in the order of the readings
	 */
	public List<String> recordAll(List<WeatherReadingRecorded> readings) {
		batchSizes.record(readings.size());
		return publish(readings);
	}

	private List<String> publish(List<WeatherReadingRecorded> readings) {
		List<String> ids = new ArrayList<>(readings.size());
		List<CompletableFuture<?>> sends = new ArrayList<>(readings.size());
		for (WeatherReadingRecorded reading : readings) {
			EventEnvelope<WeatherReadingRecorded> event = new EventEnvelope<>(eventId(reading), events.source(),
					reading.observedAt(), reading);
			CompletableFuture<?> send = events.publish(event);
			ids.add(event.id());
			sends.add(send);
			if (send.isCompletedExceptionally()) {
				// The producer refused at once: each further send would block as long again, and the answer is 503
				// anyway.
				break;
			}
		}
		awaitAcknowledgements(sends, readings.size());
		return ids;
	}

	private void awaitAcknowledgements(List<CompletableFuture<?>> sends, int readings) {
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw unavailable(readings, Objects.requireNonNullElse(ex.getCause(), ex));
		}
		catch (TimeoutException ex) {
			throw unavailable(readings, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(readings, ex);
		}
	}

	private BrokerUnavailableException unavailable(int readings, Throwable cause) {
		log.warn("Answering 503 for {} reading(s): no acknowledgement from the broker within {}: {}", readings,
				publishTimeout, cause.getMessage());
		return new BrokerUnavailableException(retryAfter, cause);
	}

	/**
	 * A reading is identified by its station and observation time. A client retrying after a 503, or a station
	 * sending the same reading twice, so produces the same {@code ce_id}, and consumers, which record each id with its
	 * effect, count the reading once. The instant is written in its one canonical form (UTC, ISO-8601), and a station
	 * id cannot contain '|', so two different readings never share a name. Stations producing straight to Kafka can
	 * compute the same id.
	 */
	static String eventId(WeatherReadingRecorded reading) {
		String name = reading.stationId() + "|" + reading.observedAt();
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * A 503 tells the client the reading was not taken. The producer keeps retrying a record until
	 * {@code delivery.timeout.ms}; waiting any shorter would answer 503 while the producer may still deliver it later.
	 * (A request already in flight when the producer gives up may have been written; the deterministic id covers
	 * that case.)
	 */
	private static void requireHonestBound(Duration publishTimeout, Map<String, Object> producerConfig) {
		Object configured = producerConfig.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
		long deliveryTimeoutMillis = Long.parseLong(String.valueOf(configured != null ? configured
				: ProducerConfig.configDef().defaultValues().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)));
		if (publishTimeout.toMillis() <= deliveryTimeoutMillis) {
			throw new IllegalStateException("platform.weather.publish-timeout (" + publishTimeout
					+ ") must be longer than the producer's delivery.timeout.ms (" + deliveryTimeoutMillis
					+ " ms), or a reading answered with 503 could still be delivered afterwards");
		}
	}
}
