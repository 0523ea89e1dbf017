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
 */
public final class EventTimeExtractor implements TimestampExtractor {

	@Override
	public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
		if (record.value() instanceof EventEnvelope<?> event) {
			Instant time = event.time();
			if (event.data() instanceof WeatherReadingRecorded reading) {
				time = reading.observedAt();
			}
			else if (event.data() instanceof TransactionRecorded transaction) {
				time = transaction.occurredAt();
			}
			long millis = time.toEpochMilli();
			if (millis >= 0) {
				return millis;
			}
		}
		// Kafka Streams drops records with a negative time; keep the record in its partition's time instead.
		return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
	}
}
