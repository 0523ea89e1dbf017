package io.eventplatform.analytics.registrations;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.eventplatform.analytics.streams.Deduplication;
import io.eventplatform.analytics.streams.EventSerde;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.users.UserRegistered;

/** Counts registrations per country. */
@Component
class RegistrationsTopology {

	static final String BY_COUNTRY_STORE = "registrations-by-country";

	static final String SEEN_EVENTS_STORE = "registrations-seen-event-ids";

	static final Duration DEDUPLICATION_WINDOW = Duration.ofDays(7);

	@Autowired
	void build(StreamsBuilder builder) {
		var events = EventSerde.of(UserRegistered.class);
		builder.addStateStore(Deduplication.store(SEEN_EVENTS_STORE, DEDUPLICATION_WINDOW));
		KStream<String, EventEnvelope<UserRegistered>> registrations = builder
			.stream(Topics.USERS_REGISTERED.name(), Consumed.with(Serdes.String(), events));
		Deduplication.distinct(registrations, SEEN_EVENTS_STORE, DEDUPLICATION_WINDOW)
			.groupBy((userId, event) -> event.data().country(), Grouped.with("by-country", Serdes.String(), events))
			.count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(BY_COUNTRY_STORE)
				.withKeySerde(Serdes.String())
				.withValueSerde(Serdes.Long()));
	}
}
