package io.eventplatform.contract.kafka;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topic;
import io.eventplatform.contract.Topics;
import tools.jackson.core.JacksonException;

/**
 * Reads a CloudEvents binary-mode record into an {@link EventEnvelope}. The {@code ce_type} header picks the
 * record type, and must be the type the topic carries.
 *
 * @throws InvalidEventException for anything that is not a valid platform event
 */
public class EventDeserializer implements Deserializer<EventEnvelope<?>> {

	@Override
	public EventEnvelope<?> deserialize(String topic, Headers headers, byte[] data) {
		CloudEventHeaders.Metadata metadata = CloudEventHeaders.read(headers);
		Topic<?> eventTopic = Topics.byCloudEventType(metadata.type())
			.orElseThrow(() -> new InvalidEventException("ce_type '" + metadata.type() + "' is not a known event type"));
		if (topic != null && Topics.byName(topic).isPresent() && !eventTopic.name().equals(topic)) {
			throw new InvalidEventException(
					"ce_type '" + metadata.type() + "' does not belong on topic " + topic);
		}
		if (data == null || data.length == 0) {
			throw new InvalidEventException("record has no data");
		}
		return new EventEnvelope<>(metadata.id(), metadata.source(), metadata.time(), parse(eventTopic, data));
	}

	@Override
	public EventEnvelope<?> deserialize(String topic, byte[] data) {
		throw new InvalidEventException("record has no CloudEvents headers");
	}

	private static Object parse(Topic<?> topic, byte[] data) {
		try {
			return EventJson.mapper().readValue(data, topic.eventType());
		}
		catch (JacksonException ex) {
			// Jackson's message names the property and the problem; keep it, not the bytes (they may hold personal data).
			throw new InvalidEventException("data is not a valid " + topic.eventType().getSimpleName() + ": "
					+ ex.getOriginalMessage(), ex);
		}
	}
}
