package io.eventplatform.support.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.CloudEventHeaders;

/**
 * Times each event from when it happened (its CloudEvents {@code time}) to when a listener of this service receives
 * it: the timer {@value #METER} with the tags {@code topic} and {@code application}, with histogram buckets so that
 * Prometheus computes percentiles across replicas. "Now" is the service's {@link Clock}; an event stamped later than
 * that (clocks that disagree) counts as 0. A record that is no event (it failed to deserialise and has no
 * {@code ce_time}) is not timed; a record delivered again after a failure is timed again, as it was received again.
 * <p>
 * Spring Boot hands it to every listener container factory it configures, record and batch listeners alike.
 */
public final class EndToEndLatency implements RecordInterceptor<Object, Object>, BatchInterceptor<Object, Object> {

	/** The timer's name; Prometheus shows it as {@code platform_events_end_to_end_seconds}. */
	public static final String METER = "platform.events.end-to-end";

	private final MeterRegistry meters;

	private final Clock clock;

	private final String application;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	public EndToEndLatency(MeterRegistry meters, Clock clock, String application) {
		this.meters = meters;
		this.clock = clock;
		this.application = application;
	}

	@Override
	public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		received(record);
		return record;
	}

	@Override
	public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
			Consumer<Object, Object> consumer) {
		records.forEach(this::received);
		return records;
	}

	/** Records the latency of one received record, if it carries an event time. */
	public void received(ConsumerRecord<?, ?> record) {
		Instant happened = eventTime(record);
		if (happened == null) {
			return;
		}
		Duration latency = Duration.between(happened, clock.instant());
		timer(record.topic()).record(latency.isNegative() ? Duration.ZERO : latency);
	}

	private static @Nullable Instant eventTime(ConsumerRecord<?, ?> record) {
		if (record.value() instanceof EventEnvelope<?> event) {
			return event.time();
		}
		Header time = record.headers().lastHeader(CloudEventHeaders.TIME);
		if (time == null || time.value() == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(new String(time.value(), StandardCharsets.UTF_8)).toInstant();
		}
		catch (DateTimeParseException notATime) {
			return null;
		}
	}

	private Timer timer(String topic) {
		return timers.computeIfAbsent(topic, name -> Timer.builder(METER)
			.description("From an event's time (ce_time) to its receipt by a listener")
			.tag("topic", name)
			.tag("application", application)
			.publishPercentileHistogram()
			// Events arrive within milliseconds when all is well, and hours late after an outage or a replay.
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(meters));
	}
}
