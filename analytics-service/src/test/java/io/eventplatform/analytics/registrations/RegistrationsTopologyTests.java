package io.eventplatform.analytics.registrations;

import static io.eventplatform.analytics.streams.TopologyFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventplatform.analytics.streams.TopologyFixture;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.users.UserRegistered;

class RegistrationsTopologyTests {

	static final Instant TEN = Instant.parse("2026-11-21T10:00:00Z");

	private TopologyFixture topology;

	@BeforeEach
	void startTopology() {
		topology = new TopologyFixture(TEN, inputs -> new RegistrationsTopology(TopologyFixture.WINDOWS).build(inputs));
	}

	@AfterEach
	void stopTopology() {
		topology.close();
	}

	@Test
	void shouldCountRegistrationsPerCountry() {
		register("GB", TEN);
		register("GB", TEN);
		register("US", TEN);

		assertThat(counts()).containsExactlyInAnyOrderEntriesOf(Map.of("GB", 2L, "US", 1L));
	}

	@Test
	void shouldCountAnEventSentTwiceOnce() {
		EventEnvelope<UserRegistered> event = registration("FR", TEN);

		topology.send(event);
		topology.send(event);

		assertThat(counts()).containsExactlyEntriesOf(Map.of("FR", 1L));
	}

	@Test
	void shouldSkipRecordsThatAreNotValidEventsAndCountTheNextOne() {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		topology.driver()
			.createInputTopic(Topics.USERS_REGISTERED.name(), new StringSerializer(), new ByteArraySerializer())
			.pipeInput(new TestRecord<>("u-1", "{not json".getBytes(StandardCharsets.UTF_8), headers));

		register("DE", TEN);

		assertThat(counts()).containsExactlyEntriesOf(Map.of("DE", 1L));
	}

	@Test
	void shouldCountRegistrationsPerCountryPerHourOfRegistration() {
		register("NL", TEN.plusSeconds(10));
		register("NL", TEN.plus(Duration.ofHours(1)).minusMillis(1));
		register("NL", TEN.plus(Duration.ofHours(1)));
		// Out of order, within the grace period: still counted in its hour.
		register("NL", TEN.plusSeconds(20));

		WindowStore<String, Long> hourly = topology.driver().getWindowStore(RegistrationsTopology.BY_COUNTRY_HOURLY_STORE);
		assertThat(hourly.fetch("NL", TEN.toEpochMilli())).isEqualTo(3L);
		assertThat(hourly.fetch("NL", TEN.plus(Duration.ofHours(1)).toEpochMilli())).isEqualTo(1L);
		assertThat(counts()).containsExactlyEntriesOf(Map.of("NL", 4L));
	}

	private void register(String country, Instant at) {
		topology.send(registration(country, at));
	}

	private static EventEnvelope<UserRegistered> registration(String country, Instant at) {
		return event(new UserRegistered(UUID.randomUUID(), "someone@example.com", "Someone", country, false), at);
	}

	private Map<String, Long> counts() {
		KeyValueStore<String, Long> store = topology.driver().getKeyValueStore(RegistrationsTopology.BY_COUNTRY_STORE);
		Map<String, Long> counts = new HashMap<>();
		store.all().forEachRemaining(entry -> counts.put(entry.key, entry.value));
		return counts;
	}
}
