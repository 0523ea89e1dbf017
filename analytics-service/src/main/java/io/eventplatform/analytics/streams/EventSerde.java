package io.eventplatform.analytics.streams;

import java.util.function.Consumer;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.EventDeserializer;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.kafka.InvalidEventException;

/**
 * Events with their CloudEvents headers, read and written by the contract's one codec. A record that carries another
 * event type than the serde's fails to deserialise (and so goes to the deserialisation handler) rather than reaching
 * the topology as the wrong type: the codec checks the type against the platform's topics, this also against the
 * topology's own repartition and changelog topics.
 */
public final class EventSerde {

	private EventSerde() {
	}

	public static <T> Serde<EventEnvelope<T>> of(Class<T> eventType) {
		return typed(eventType, event -> {
		});
	}

	/**
	 * For the input topics: an event whose time lies outside the bounds fails to deserialise, so Kafka Streams hands
	 * it to the deserialisation handler (the dead-letter topic) rather than to the timestamp extractor, which has none.
	 */
	static <T> Serde<EventEnvelope<T>> input(Class<T> eventType, EventTimeBounds bounds) {
		return typed(eventType, bounds::requireWithin);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <T> Serde<EventEnvelope<T>> typed(Class<T> eventType, Consumer<EventEnvelope<?>> check) {
		EventDeserializer events = new EventDeserializer();
		Deserializer<EventEnvelope<T>> typed = new Deserializer<>() {
			@Override
			public @Nullable EventEnvelope<T> deserialize(String topic, byte[] data) {
				return checked(events.deserialize(topic, data));
			}

			@Override
			public @Nullable EventEnvelope<T> deserialize(String topic, Headers headers, byte[] data) {
				return checked(events.deserialize(topic, headers, data));
			}

			private @Nullable EventEnvelope<T> checked(@Nullable EventEnvelope<?> event) {
				if (event == null) {
					return null;
				}
				if (!eventType.isInstance(event.data())) {
					throw new InvalidEventException("expected a " + eventType.getSimpleName() + " event, the record "
							+ "carries " + event.type());
				}
				check.accept(event);
				return (EventEnvelope<T>) event;
			}
		};
		return Serdes.serdeFrom((Serializer) new EventSerializer(), typed);
	}
}
