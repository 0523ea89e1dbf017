package io.eventplatform.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.CloudEventHeaders;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.support.time.MutableClock;

class EndToEndLatencyTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final EndToEndLatency latency = new EndToEndLatency(meters, clock, "some-service");

	@Test
	void shouldTimeAnEventFromItsTimeToItsReceiptByTheServicesClock() {
		// Given an event that happened 2.5 s before the service's clock
		ConsumerRecord<Object, Object> record = record("users.registered", event(clock.instant().minusMillis(2500)));

		// When
		latency.intercept(record, null);

		// Then
		Timer timer = timer("users.registered");
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2500);
	}

	@Test
	void shouldCountAnEventStampedAheadOfTheServicesClockAsNoLatency() {
		// Given a producer whose clock is 3 s ahead
		ConsumerRecord<Object, Object> record = record("users.registered", event(clock.instant().plusSeconds(3)));

		// When
		latency.intercept(record, null);

		// Then
		assertThat(timer("users.registered").count()).isEqualTo(1);
		assertThat(timer("users.registered").totalTime(TimeUnit.MILLISECONDS)).isZero();
	}

	@Test
	void shouldTimeEachEventOfABatchUnderItsOwnTopic() {
		// Given
		ConsumerRecord<Object, Object> user = record("users.registered", event(clock.instant().minusSeconds(1)));
		ConsumerRecord<Object, Object> other = record("transactions.recorded", event(clock.instant().minusSeconds(4)));
		ConsumerRecords<Object, Object> batch = new ConsumerRecords<>(
				Map.of(new TopicPartition("users.registered", 0), List.of(user),
						new TopicPartition("transactions.recorded", 0), List.of(other)),
				Map.of());

		// When
		latency.intercept(batch, null);

		// Then
		assertThat(timer("users.registered").totalTime(TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(timer("transactions.recorded").totalTime(TimeUnit.SECONDS)).isEqualTo(4);
	}

	@Test
	void shouldTakeTheTimeHeaderOfARecordThatIsNoEventAndSkipOneWithoutIt() {
		// Given a record that failed to deserialise but kept its ce_time, and one without any
		ConsumerRecord<Object, Object> withTime = record("users.registered", null);
		withTime.headers().add(CloudEventHeaders.TIME, "2026-12-01T10:59:58+01:00".getBytes(StandardCharsets.UTF_8));
		ConsumerRecord<Object, Object> without = record("users.registered", "not an event".getBytes(StandardCharsets.UTF_8));

		// When
		latency.intercept(withTime, null);
		latency.intercept(without, null);

		// Then
		assertThat(timer("users.registered").count()).isEqualTo(1);
		assertThat(timer("users.registered").totalTime(TimeUnit.SECONDS)).isEqualTo(2);
	}

	private Timer timer(String topic) {
		return meters.get(EndToEndLatency.METER).tags("topic", topic, "application", "some-service").timer();
	}

	private static EventEnvelope<UserRegistered> event(Instant time) {
		return new EventEnvelope<>(UUID.randomUUID().toString(), URI.create("/registration-service"), time,
				new UserRegistered(UUID.randomUUID(), "ada@example.com", "Ada", "GB", false));
	}

	private static ConsumerRecord<Object, Object> record(String topic, Object value) {
		return new ConsumerRecord<>(topic, 0, 0L, "key", value);
	}
}
