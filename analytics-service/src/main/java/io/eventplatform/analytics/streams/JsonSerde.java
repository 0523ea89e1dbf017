package io.eventplatform.analytics.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import io.eventplatform.contract.kafka.EventJson;

/** Aggregates in state stores and changelogs as JSON, written with the contract's mapping (ISO instants, decimals). */
public final class JsonSerde {

	private JsonSerde() {
	}

	public static <T> Serde<T> of(Class<T> type) {
		return Serdes.serdeFrom((topic, value) -> value == null ? null : EventJson.mapper().writeValueAsBytes(value),
				(topic, bytes) -> bytes == null ? null : EventJson.mapper().readValue(bytes, type));
	}
}
