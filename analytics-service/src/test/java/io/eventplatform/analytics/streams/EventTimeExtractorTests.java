package io.eventplatform.analytics.streams;

import static io.eventplatform.analytics.streams.TopologyFixture.event;
import static io.eventplatform.analytics.streams.TopologyFixture.reading;
import static io.eventplatform.analytics.streams.TopologyFixture.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

class EventTimeExtractorTests {

	static final Instant SENT = Instant.parse("2026-11-21T12:00:00Z");

	static final Instant HAPPENED = Instant.parse("2026-11-21T10:59:00Z");

	final EventTimeExtractor extractor = new EventTimeExtractor();

	@Test
	void shouldPlaceAReadingByItsObservedAtEvenIfItsHeaderSaysOtherwise() {
		EventEnvelope<WeatherReadingRecorded> reading = new EventEnvelope<>(UUID.randomUUID().toString(),
				URI.create("/station"), SENT, reading("s1", HAPPENED, 10, 50).data());

		assertThat(extract(reading)).isEqualTo(HAPPENED);
	}

	@Test
	void shouldPlaceATransactionByItsOccurredAt() {
		assertThat(extract(transaction("a1", "1", "EUR", "NL", HAPPENED))).isEqualTo(HAPPENED);
	}

	@Test
	void shouldPlaceAnyOtherEventByItsCloudEventsTime() {
		assertThat(extract(event(new UserRegistered(UUID.randomUUID(), "a@example.com", "A", "NL", false), HAPPENED)))
			.isEqualTo(HAPPENED);
	}

	@Test
	void shouldKeepARecordWhoseEventTimeHasNoEpochMillisInsteadOfThrowing() {
		EventEnvelope<?> beyond = reading("s1", Instant.parse("-300000000-01-01T00:00:00Z"), 10, 50);

		assertThat(extract(beyond)).isEqualTo(SENT);
	}

	@Test
	void shouldKeepARecordWithAnEventTimeBeforeTheEpochInItsPartitionsTime() {
		EventEnvelope<?> ancient = transaction("a1", "1", "EUR", "NL", Instant.parse("1969-12-31T23:59:59Z"));

		assertThat(extract(ancient)).isEqualTo(SENT);
	}

	private Instant extract(Object value) {
		ConsumerRecord<Object, Object> record = new ConsumerRecord<>("topic", 0, 0, SENT.toEpochMilli(),
				TimestampType.CREATE_TIME, 0, 0, "key", value, new RecordHeaders(), Optional.empty());
		return Instant.ofEpochMilli(extractor.extract(record, 0));
	}
}
