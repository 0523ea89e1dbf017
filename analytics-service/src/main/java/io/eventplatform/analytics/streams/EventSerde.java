package io.eventplatform.analytics.streams;

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
}
