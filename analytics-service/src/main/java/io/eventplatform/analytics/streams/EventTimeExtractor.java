package io.eventplatform.analytics.streams;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/**
 * Windows follow the time an event happened, not the time it reached Kafka: a reading observed at 10:59 and sent at
 * 11:02 belongs to the 10:00 hour. Readings carry {@code observedAt}, transactions {@code occurredAt}; any other event
 * is placed by its {@code ce_time} (producers set it to the time of the fact, e.g. the registration instant).
 * <p>
 * It never throws: an exception here is fatal to the stream thread in Kafka Streams, with no handler to call. The
 * inputs' deserialiser ({@link EventSerde}) already sends an event whose time lies outside {@link EventTimeBounds} to
 * the dead-letter topic; should such a time reach this extractor anyway, the record keeps its Kafka timestamp.
 */
public final class EventTimeExtractor implements TimestampExtractor {

	@Override
	public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
		if (record.value() instanceof EventEnvelope<?> event) {
			Instant time = eventTime(event);
			if (time != null && !time.isBefore(Instant.EPOCH) && time.isBefore(EventTimeBounds.LATEST_REPRESENTABLE)) {
				return time.toEpochMilli();
			}
		}
		// Kafka Streams drops records with a negative time; keep the record in its partition's time instead.
		return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
	}

	/** The time of the fact an event tells. */
	static Instant eventTime(EventEnvelope<?> event) {
		if (event.data() instanceof WeatherReadingRecorded reading) {
			return reading.observedAt();
		}
		if (event.data() instanceof TransactionRecorded transaction) {
			return transaction.occurredAt();
		}
		return event.time();
	}
}
