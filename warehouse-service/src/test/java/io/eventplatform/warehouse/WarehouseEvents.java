package io.eventplatform.warehouse;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.Direction;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/** Events as the producing services write them, and a producer that sends them (or raw bytes) to the broker. */
final class WarehouseEvents implements AutoCloseable {

	/** Databases keep microseconds; events made here have no finer digits, so they compare equal after a trip. */
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	static EventEnvelope<UserRegistered> user(String country) {
		return event("/registration-service", new UserRegistered(UUID.randomUUID(), "someone@example.com",
				"Some One", country, true));
	}

	static EventEnvelope<TransactionRecorded> transaction(String accountId, String amount, Instant occurredAt) {
		return event("/transaction-service", new TransactionRecorded(UUID.randomUUID(), accountId,
				new BigDecimal(amount), "EUR", Direction.DEBIT, "Coffee Corner", "DE", occurredAt));
	}

	static EventEnvelope<WeatherReadingRecorded> reading(String stationId, Instant observedAt, Double pressureHpa) {
		return event("/weather-ingest-service",
				new WeatherReadingRecorded(stationId, observedAt, 7.5, 81.0, pressureHpa));
	}

	static <T> EventEnvelope<T> event(String source, T data) {
		return new EventEnvelope<>(UUID.randomUUID().toString(), URI.create(source), now(), data);
	}

	private final Producer<String, EventEnvelope<?>> events;

	private final Producer<String, byte[]> bytes;

	WarehouseEvents(EmbeddedKafkaBroker broker) {
		Map<String, Object> config = KafkaTestUtils.producerProps(broker);
		this.events = new DefaultKafkaProducerFactory<String, EventEnvelope<?>>(config, new StringSerializer(),
				new io.eventplatform.contract.kafka.EventSerializer()).createProducer();
		this.bytes = new DefaultKafkaProducerFactory<String, byte[]>(config, new StringSerializer(),
				new ByteArraySerializer()).createProducer();
	}

	WarehouseEvents send(EventEnvelope<?>... sent) {
		for (EventEnvelope<?> event : sent) {
			events.send(new ProducerRecord<>(event.topic().name(), event.key(), event));
		}
		events.flush();
		return this;
	}

	/** A record no consumer can read as an event: no CloudEvents headers, a body that is not JSON. */
	WarehouseEvents sendMalformed(String topic, String key) {
		bytes.send(new ProducerRecord<>(topic, key, "not-json".getBytes(StandardCharsets.UTF_8)));
		bytes.flush();
		return this;
	}

	@Override
	public void close() {
		events.close();
		bytes.close();
	}
}
