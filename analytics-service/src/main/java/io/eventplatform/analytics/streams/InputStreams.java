package io.eventplatform.analytics.streams;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topic;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.gateway.GatewayRequestCompleted;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/**
 * The input topics, each read once (a topology may subscribe a topic only once), placed in event time and with
 * redelivered events dropped, so every aggregate and rule downstream sees each event exactly once. An event whose
 * time lies outside {@link EventTimeBounds} fails to deserialise and goes to the dead-letter topic.
 */
@Component
public class InputStreams {

	/** How long an event id is remembered: longer than any producer keeps retrying a send. */
	public static final Duration DEDUPLICATION_WINDOW = Duration.ofDays(7);

	private final StreamsBuilder builder;

	private final EventTimeBounds eventTimes;

	private @Nullable KStream<String, EventEnvelope<UserRegistered>> registrations;

	private @Nullable KStream<String, EventEnvelope<WeatherReadingRecorded>> readings;

	private @Nullable KStream<String, EventEnvelope<TransactionRecorded>> transactions;

	private @Nullable KStream<String, EventEnvelope<GatewayRequestCompleted>> gatewayRequests;

	public InputStreams(StreamsBuilder builder, Clock clock) {
		this.builder = builder;
		this.eventTimes = new EventTimeBounds(clock);
	}

	public StreamsBuilder builder() {
		return builder;
	}

	public synchronized KStream<String, EventEnvelope<UserRegistered>> registrations() {
		if (registrations == null) {
			registrations = distinct(Topics.USERS_REGISTERED, "registrations-seen-event-ids");
		}
		return registrations;
	}

	public synchronized KStream<String, EventEnvelope<WeatherReadingRecorded>> weatherReadings() {
		if (readings == null) {
			readings = distinct(Topics.WEATHER_READINGS, "weather-seen-event-ids");
		}
		return readings;
	}

	public synchronized KStream<String, EventEnvelope<TransactionRecorded>> transactions() {
		if (transactions == null) {
			transactions = distinct(Topics.TRANSACTIONS_RECORDED, "transactions-seen-event-ids");
		}
		return transactions;
	}

	/**
	 * @param seenFor how long an id is remembered: one event per API call makes a week of ids costly, and a copy that
	 * comes later than every window's end plus grace could not be counted anyway, so the caller passes that bound
	 */
	public synchronized KStream<String, EventEnvelope<GatewayRequestCompleted>> gatewayRequests(Duration seenFor) {
		if (gatewayRequests == null) {
			gatewayRequests = distinct(Topics.GATEWAY_REQUESTS, "gateway-seen-event-ids", seenFor);
		}
		return gatewayRequests;
	}

	private <T> KStream<String, EventEnvelope<T>> distinct(Topic<T> topic, String seenStore) {
		return distinct(topic, seenStore, DEDUPLICATION_WINDOW);
	}

	private <T> KStream<String, EventEnvelope<T>> distinct(Topic<T> topic, String seenStore, Duration seenFor) {
		builder.addStateStore(Deduplication.store(seenStore, seenFor));
		KStream<String, EventEnvelope<T>> events = builder.stream(topic.name(),
				Consumed.with(Serdes.String(), EventSerde.input(topic.eventType(), eventTimes))
					.withTimestampExtractor(new EventTimeExtractor())
					.withName("read-" + topic.name()));
		return Deduplication.distinct(events, seenStore);
	}
}
