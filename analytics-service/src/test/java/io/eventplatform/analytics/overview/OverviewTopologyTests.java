package io.eventplatform.analytics.overview;

import static io.eventplatform.analytics.streams.TopologyFixture.event;
import static io.eventplatform.analytics.streams.TopologyFixture.reading;
import static io.eventplatform.analytics.streams.TopologyFixture.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventplatform.analytics.streams.TopologyFixture;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.users.UserRegistered;

class OverviewTopologyTests {

	static final Instant TEN = Instant.parse("2026-11-21T10:00:00Z");

	private TopologyFixture topology;

	@BeforeEach
	void start() {
		topology = new TopologyFixture(TEN, inputs -> new OverviewTopology(TopologyFixture.WINDOWS).build(inputs));
	}

	@AfterEach
	void stop() {
		topology.close();
	}

	@Test
	void shouldCountTheEventsOfEveryInputTopicPerMinuteOfEventTime() {
		EventEnvelope<TransactionRecorded> payment = transaction("a1", "10", "EUR", "NL", TEN.plusSeconds(1));
		topology.send(payment);
		topology.send(payment);
		topology.send(transaction("a2", "10", "EUR", "NL", TEN.plusSeconds(59)));
		topology.send(reading("s1", TEN.plusSeconds(30), 10, 50));
		topology.send(event(new UserRegistered(UUID.randomUUID(), "a@example.com", "A", "NL", false),
				TEN.plusSeconds(61)));

		WindowStore<String, EventCounts> store = topology.driver()
			.getWindowStore(OverviewTopology.EVENTS_PER_MINUTE_STORE);
		assertThat(store.fetch("platform", TEN.toEpochMilli()).byTopic())
			.isEqualTo(Map.of("transactions.recorded", 2L, "weather.readings", 1L));
		assertThat(store.fetch("platform", TEN.plusSeconds(60).toEpochMilli()).byTopic())
			.isEqualTo(Map.of("users.registered", 1L));
	}
}
