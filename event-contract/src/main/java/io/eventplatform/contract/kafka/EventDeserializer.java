package io.eventplatform.contract.kafka;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topic;
import io.eventplatform.contract.Topics;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Reads a CloudEvents binary-mode record into an {@link EventEnvelope}. The {@code ce_type} header picks the
 * record type, and must be the type the topic carries.
 *
 * @throws InvalidEventException for anything that is not a valid platform event
 */
public class EventDeserializer implements Deserializer<EventEnvelope<?>> {

	@Override
	public EventEnvelope<?> deserialize(@Nullable String topic, Headers headers, byte @Nullable [] data) {
		return envelope(topic, CloudEventHeaders.read(headers), data);
	}

	/**
	 * The event that checked headers and the record's data make on {@code topic}.
	 * @throws InvalidEventException for a type unknown or not the topic's, and data that is missing or does not parse
	 */
	public static EventEnvelope<?> envelope(@Nullable String topic, CloudEventHeaders.Metadata metadata,
			byte @Nullable [] data) {
		Topic<?> eventTopic = Topics.byCloudEventType(metadata.type())
			.orElseThrow(() -> new InvalidEventException(
					"ce_type '" + CloudEventHeaders.printable(metadata.type()) + "' is not a known event type"));
		if (topic != null && Topics.byName(topic).isPresent() && !eventTopic.name().equals(topic)) {
			throw new InvalidEventException(
					"ce_type '" + metadata.type() + "' does not belong on topic " + CloudEventHeaders.printable(topic));
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
		catch (DatabindException ex) {
			// Name the property, never its value: values may hold personal data, and any producer chooses them.
			String field = ex.getPath()
				.stream()
				.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.reduce((a, b) -> a + "." + b)
				// A record's own null check names the field it requires (its message is the name, never a value).
				.orElse(ex.getCause() instanceof NullPointerException npe && npe.getMessage() != null
						? npe.getMessage() : "the data");
			throw new InvalidEventException("data is not a valid " + topic.eventType().getSimpleName() + ": "
					+ field + " is missing or malformed", ex);
		}
		catch (JacksonException ex) {
			throw new InvalidEventException(
					"data is not a valid " + topic.eventType().getSimpleName() + ": not well-formed JSON", ex);
		}
	}
}
