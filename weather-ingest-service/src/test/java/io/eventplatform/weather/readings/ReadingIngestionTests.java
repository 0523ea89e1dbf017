package io.eventplatform.weather.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.support.SendResult;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.weather.WeatherReadingRecorded;
import io.eventplatform.support.kafka.EventPublisher;

class ReadingIngestionTests {

	EventPublisher events = mock(EventPublisher.class);

	SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void shouldHandEveryReadingToTheProducerBeforeWaitingForAnyAcknowledgement() throws Exception {
		// Given a broker that acknowledges nothing yet
		List<CompletableFuture<SendResult<String, EventEnvelope<?>>>> sends = new CopyOnWriteArrayList<>();
		when(events.publish(any())).thenAnswer(invocation -> {
			CompletableFuture<SendResult<String, EventEnvelope<?>>> send = new CompletableFuture<>();
			sends.add(send);
			return send;
		});
		ReadingIngestion ingestion = ingestion(Duration.ofSeconds(6), 5000);
		List<WeatherReadingRecorded> readings = readings(3);

		// When
		CompletableFuture<List<String>> ids = CompletableFuture.supplyAsync(() -> ingestion.recordAll(readings));

		// Then: all three are sent while none is acknowledged, and the answer waits for the acknowledgements
		await().atMost(Duration.ofSeconds(5)).until(() -> sends.size() == 3);
		assertThat(ids).isNotDone();
		sends.forEach(send -> send.complete(null));
		assertThat(ids.get(5, TimeUnit.SECONDS))
			.containsExactlyElementsOf(readings.stream().map(ReadingIngestion::eventId).toList());
		assertThat(meters.get("platform.weather.batch.size").summary().totalAmount()).isEqualTo(3);
	}

	@Test
	void shouldStopSendingOnceTheProducerRefusesAReadingAtOnce() {
		// Given a producer that gets no metadata from the broker within max.block.ms: KafkaTemplate throws at once,
		// and the publisher answers with a future that failed already
		when(events.publish(any())).thenReturn(CompletableFuture.failedFuture(new KafkaException("Send failed",
				new TimeoutException("Topic weather.readings not present in metadata after 2000 ms."))));
		ReadingIngestion ingestion = ingestion(Duration.ofSeconds(6), 5000);

		// When / Then: the batch is refused after one attempt, not after one blocking attempt per reading
		assertThatExceptionOfType(BrokerUnavailableException.class)
			.isThrownBy(() -> ingestion.recordAll(readings(50)));
		verify(events, times(1)).publish(any());
	}

	@Test
	void shouldAnswerUnavailableWhenTheBrokerFailsAReading() {
		when(events.publish(any()))
			.thenReturn(CompletableFuture.failedFuture(new TimeoutException("Expiring 1 record(s)")));
		ReadingIngestion ingestion = ingestion(Duration.ofSeconds(6), 5000);

		assertThatExceptionOfType(BrokerUnavailableException.class)
			.isThrownBy(() -> ingestion.recordAll(readings(2)));
	}

	@Test
	void shouldAnswerUnavailableWithRetryAfterWhenNoAcknowledgementComesInTime() {
		// Given a broker that never answers
		when(events.publish(any())).thenReturn(new CompletableFuture<>());
		ReadingIngestion ingestion = ingestion(Duration.ofMillis(200), 100);

		// When / Then
		assertThatExceptionOfType(BrokerUnavailableException.class)
			.isThrownBy(() -> ingestion.record(readings(1).get(0)))
			.satisfies(ex -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("10");
			});
	}

	@Test
	void shouldRefuseToStartWhenThePublishTimeoutDoesNotOutlastTheProducersDeliveryTimeout() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> ingestion(Duration.ofSeconds(5), 5000))
			.withMessageContaining("delivery.timeout.ms");
	}

	@Test
	void shouldRefuseToStartWithKafkasDefaultDeliveryTimeoutOfTwoMinutes() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new ReadingIngestion(events, properties(Duration.ofSeconds(6)),
					new DefaultKafkaProducerFactory<>(Map.of()), meters));
	}

	@Test
	void shouldDeriveTheEventIdFromStationAndObservationTimeOnly() {
		Instant observedAt = Instant.parse("2026-11-21T10:15:00Z");
		WeatherReadingRecorded reading = new WeatherReadingRecorded("station-042", observedAt, 7.5, 81, 1013.2);

		assertThat(ReadingIngestion.eventId(reading)).isEqualTo("d5158522-6a25-3210-9ee5-d7eae7e6ee78")
			.isEqualTo(ReadingIngestion.eventId(new WeatherReadingRecorded("station-042", observedAt, 8, 80, null)))
			.isNotEqualTo(ReadingIngestion
				.eventId(new WeatherReadingRecorded("station-043", observedAt, 7.5, 81, 1013.2)))
			.isNotEqualTo(ReadingIngestion
				.eventId(new WeatherReadingRecorded("station-042", observedAt.plusMillis(1), 7.5, 81, 1013.2)));
	}

	private ReadingIngestion ingestion(Duration publishTimeout, int deliveryTimeoutMillis) {
		when(events.source()).thenReturn(URI.create("/weather-ingest-service"));
		return new ReadingIngestion(events, properties(publishTimeout),
				new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMillis)),
				meters);
	}

	private static WeatherIngestProperties properties(Duration publishTimeout) {
		return new WeatherIngestProperties(publishTimeout, Duration.ofSeconds(10), 1000);
	}

	private static List<WeatherReadingRecorded> readings(int count) {
		Instant start = Instant.parse("2026-11-21T10:00:00Z");
		return IntStream.range(0, count)
			.mapToObj(i -> new WeatherReadingRecorded("station-" + i % 3, start.plusSeconds(i), 7.5, 81, null))
			.toList();
	}
}
