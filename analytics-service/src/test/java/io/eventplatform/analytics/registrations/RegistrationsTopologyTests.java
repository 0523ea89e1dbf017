package io.eventplatform.analytics.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.users.UserRegistered;

class RegistrationsTopologyTests {

	private TopologyTestDriver driver;

	private TestInputTopic<String, EventEnvelope<?>> registrations;

	private TestInputTopic<String, byte[]> raw;

	@BeforeEach
	void startTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		new RegistrationsTopology().build(builder);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
		driver = new TopologyTestDriver(builder.build(), config);
		registrations = driver.createInputTopic(Topics.USERS_REGISTERED.name(), new StringSerializer(),
				new EventSerializer());
		raw = driver.createInputTopic(Topics.USERS_REGISTERED.name(), new StringSerializer(),
				new ByteArraySerializer());
	}

	@AfterEach
	void stopTopology() {
		driver.close();
	}

	@Test
	void shouldCountRegistrationsPerCountry() {
		register("GB");
		register("GB");
		register("US");

		assertThat(counts()).containsExactlyInAnyOrderEntriesOf(Map.of("GB", 2L, "US", 1L));
	}

	@Test
	void shouldCountAnEventSentTwiceOnce() {
		EventEnvelope<UserRegistered> event = registration("FR");

		registrations.pipeInput(event.key(), event);
		registrations.pipeInput(event.key(), event);

		assertThat(counts()).containsExactlyEntriesOf(Map.of("FR", 1L));
	}

	@Test
	void shouldSkipRecordsThatAreNotValidEventsAndCountTheNextOne() {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		raw.pipeInput(new TestRecord<>("u-1", "{not json".getBytes(StandardCharsets.UTF_8), headers));

		register("DE");

		assertThat(counts()).containsExactlyEntriesOf(Map.of("DE", 1L));
	}

	private void register(String country) {
		EventEnvelope<UserRegistered> event = registration(country);
		registrations.pipeInput(event.key(), event);
	}

	private static EventEnvelope<UserRegistered> registration(String country) {
		return EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(UUID.randomUUID(), "someone@example.com", "Someone", country, false));
	}

	private Map<String, Long> counts() {
		KeyValueStore<String, Long> store = driver.getKeyValueStore(RegistrationsTopology.BY_COUNTRY_STORE);
		Map<String, Long> counts = new java.util.HashMap<>();
		store.all().forEachRemaining(entry -> counts.put(entry.key, entry.value));
		return counts;
	}
}
