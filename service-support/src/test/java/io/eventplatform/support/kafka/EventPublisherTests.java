package io.eventplatform.support.kafka;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaTemplate;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.gateway.GatewayRequestCompleted;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

import static org.assertj.core.api.Assertions.assertThat;

/** Kafka's own in-memory producer stands in for the broker: these tests are about what the publisher counts. */
class EventPublisherTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private boolean brokerAway;

	// KafkaTemplate closes a plain factory's producer after each send: a new one each time, closed at once when away.
	private final EventPublisher publisher = new EventPublisher(new KafkaTemplate<>(this::newProducer),
			URI.create("/test"), meters, Clock.fixed(NOW, ZoneOffset.UTC));

	private MockProducer<String, EventEnvelope<?>> newProducer() {
		MockProducer<String, EventEnvelope<?>> producer = new MockProducer<>(true, null, new StringSerializer(),
				new EventSerializer());
		if (brokerAway) {
			producer.close();
		}
		return producer;
	}

	@Test
	void countsEveryAcknowledgedEventUnderItsOwnTypeAndTopic() {
		// Given events of two types, one of them sent three times
		for (int i = 0; i < 3; i++) {
			publisher.publish(publisher.newEvent(
					new WeatherReadingRecorded("station-" + i, NOW.minusSeconds(1), 7.5, 80, null)))
				.join();
		}
		publisher.publish(publisher.newEvent(new GatewayRequestCompleted("demo-client", "POST", "/api/**", 202, 3)))
			.join();

		// Then each type has its own count, tagged with its topic
		assertThat(meters.get("platform.events.published")
			.tags("type", "WeatherReadingRecorded", "topic", "weather.readings")
			.counter()
			.count()).isEqualTo(3);
		assertThat(meters.get("platform.events.published")
			.tags("type", "GatewayRequestCompleted", "topic", "gateway.requests")
			.counter()
			.count()).isEqualTo(1);
		assertThat(meters.find("platform.events.publish.failures").counters()).isEmpty();
	}

	@Test
	void countsAnEventTheProducerRefusesAsAFailureOfItsType() {
		// Given a producer that refuses every send at once
		brokerAway = true;

		// When an event is published
		publisher.publish(publisher.newEvent(new GatewayRequestCompleted("demo-client", "GET", "/api/**", 200, 1)))
			.exceptionally(failure -> null)
			.join();

		// Then it is counted as a failure, not as published
		assertThat(meters.get("platform.events.publish.failures")
			.tags("type", "GatewayRequestCompleted", "topic", "gateway.requests")
			.counter()
			.count()).isEqualTo(1);
		assertThat(meters.find("platform.events.published").counters()).isEmpty();
	}

}
