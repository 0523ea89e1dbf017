package io.eventplatform.analytics.streams;

import static io.eventplatform.analytics.streams.TopologyFixture.reading;
import static io.eventplatform.analytics.streams.TopologyFixture.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.InvalidEventException;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

class EventSerdeTests {

	static final String INTERNAL_TOPIC = "analytics-streams-some-store-repartition";

	@Test
	void shouldReadBackAnEventOfItsType() {
		Serde<EventEnvelope<WeatherReadingRecorded>> serde = EventSerde.of(WeatherReadingRecorded.class);
		EventEnvelope<WeatherReadingRecorded> reading = reading("s1", Instant.parse("2026-11-21T10:00:00Z"), 10, 50);
		RecordHeaders headers = new RecordHeaders();

		byte[] bytes = serde.serializer().serialize(INTERNAL_TOPIC, headers, reading);

		assertThat(serde.deserializer().deserialize(INTERNAL_TOPIC, headers, bytes)).isEqualTo(reading);
	}

	@Test
	void shouldRefuseAnEventOfAnotherTypeOnATopicTheContractDoesNotKnow() {
		// Given a transaction written to a topology's internal topic
		EventEnvelope<TransactionRecorded> transaction = transaction("a1", "1", "EUR", "NL", Instant.parse("2026-11-21T10:00:00Z"));
		RecordHeaders headers = new RecordHeaders();
		byte[] bytes = EventSerde.of(TransactionRecorded.class).serializer().serialize(INTERNAL_TOPIC, headers,
				transaction);

		// When it is read as weather readings, Then it fails to deserialise instead of reaching the topology
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> EventSerde
			.of(WeatherReadingRecorded.class)
			.deserializer()
			.deserialize(INTERNAL_TOPIC, headers, bytes)).withMessageContaining("WeatherReadingRecorded");
	}
}
