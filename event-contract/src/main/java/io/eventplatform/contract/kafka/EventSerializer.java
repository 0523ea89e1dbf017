package io.eventplatform.contract.kafka;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

import io.eventplatform.contract.EventEnvelope;

/**
 * Writes an {@link EventEnvelope} as a CloudEvents binary-mode record: metadata in headers, data as JSON.
 */
public class EventSerializer implements Serializer<EventEnvelope<?>> {

	@Override
	public byte @Nullable [] serialize(String topic, Headers headers, @Nullable EventEnvelope<?> event) {
		if (event == null) {
			return null;
		}
		CloudEventHeaders.write(headers, event);
		return EventJson.mapper().writeValueAsBytes(event.data());
	}

	@Override
	public byte[] serialize(String topic, EventEnvelope<?> event) {
		throw new UnsupportedOperationException("Events are written with their CloudEvents headers");
	}
}
