package io.eventplatform.analytics.registrations;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.eventplatform.analytics.streams.EventSerde;
import io.eventplatform.analytics.streams.InputStreams;
import io.eventplatform.analytics.streams.WindowProperties;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;

/** Counts registrations per country, all-time and per hour of registration. */
@Component
class RegistrationsTopology {

	static final String BY_COUNTRY_STORE = "registrations-by-country";

	static final String BY_COUNTRY_HOURLY_STORE = "registrations-by-country-hourly";

	static final Duration HOUR = Duration.ofHours(1);

	private final WindowProperties windows;

	RegistrationsTopology(WindowProperties windows) {
		this.windows = windows;
	}

	@Autowired
	void build(InputStreams inputs) {
		var events = EventSerde.of(UserRegistered.class);
		KGroupedStream<String, EventEnvelope<UserRegistered>> byCountry = inputs.registrations()
			.groupBy((userId, event) -> event.data().country(), Grouped.with("by-country", Serdes.String(), events));
		byCountry.count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(BY_COUNTRY_STORE)
			.withKeySerde(Serdes.String())
			.withValueSerde(Serdes.Long()));
		Duration retention = windows.retention().compareTo(HOUR.plus(windows.grace())) >= 0 ? windows.retention()
				: HOUR.plus(windows.grace());
		byCountry.windowedBy(TimeWindows.ofSizeAndGrace(HOUR, windows.grace()))
			.count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(BY_COUNTRY_HOURLY_STORE)
				.withKeySerde(Serdes.String())
				.withValueSerde(Serdes.Long())
				.withRetention(retention));
	}
}
