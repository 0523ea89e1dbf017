package io.eventplatform.analytics.streams;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.EventDeserializer;
import io.eventplatform.contract.kafka.EventSerializer;

/** Events with their CloudEvents headers, read and written by the contract's one codec. */
public final class EventSerde {

	private EventSerde() {
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static <T> Serde<EventEnvelope<T>> of(Class<T> eventType) {
		return (Serde) Serdes.serdeFrom(new EventSerializer(), new EventDeserializer());
	}

	/**
	 * For the input topics: an event whose time lies outside the bounds fails to deserialise, so Kafka Streams hands
	 * it to the deserialisation handler (the dead-letter topic) rather than to the timestamp extractor, which has none.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static <T> Serde<EventEnvelope<T>> input(Class<T> eventType, EventTimeBounds bounds) {
		EventDeserializer events = new EventDeserializer();
		Deserializer<EventEnvelope<?>> bounded = new Deserializer<>() {
			@Override
			public EventEnvelope<?> deserialize(String topic, byte[] data) {
				return checked(events.deserialize(topic, data));
			}

			@Override
			public EventEnvelope<?> deserialize(String topic, Headers headers, byte[] data) {
				return checked(events.deserialize(topic, headers, data));
			}

			private EventEnvelope<?> checked(EventEnvelope<?> event) {
				if (event != null) {
					bounds.requireWithin(event);
				}
				return event;
			}
		};
		return (Serde) Serdes.serdeFrom(new EventSerializer(), (Deserializer) bounded);
	}
}
