package io.eventplatform.analytics.streams;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

import io.eventplatform.contract.EventEnvelope;

/**
 * The events this service produces. Their ids are derived from what caused them (name-based UUIDs), never random:
 * when a crash makes Kafka Streams process the same input again, the alert it emits again carries the same
 * {@code ce_id}, so consumers see one alert, not two.
 */
public final class AnalyticsEvents {

	public static final URI SOURCE = URI.create("/analytics-service");

	private AnalyticsEvents() {
	}

	/** An event whose id is a function of the rule and the ids of what triggered it (in any order). */
	public static <T> EventEnvelope<T> derived(String rule, Collection<String> causes, Instant time, T data) {
		String seed = rule + ":" + causes.stream().sorted().collect(Collectors.joining(","));
		return new EventEnvelope<>(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString(), SOURCE,
				time, data);
	}
}
