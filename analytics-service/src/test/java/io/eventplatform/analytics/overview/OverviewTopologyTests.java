package io.eventplatform.analytics.overview;

import static io.eventplatform.analytics.streams.TopologyFixture.event;
import static io.eventplatform.analytics.streams.TopologyFixture.reading;
import static io.eventplatform.analytics.streams.TopologyFixture.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventplatform.analytics.streams.JsonSerde;
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

		topology.driver().advanceWallClockTime(CountPerTask.FORWARD_INTERVAL);

		assertThat(minute(TEN)).isEqualTo(Map.of("transactions.recorded", 2L, "weather.readings", 1L));
		assertThat(minute(TEN.plusSeconds(60))).isEqualTo(Map.of("users.registered", 1L));
	}

	@Test
	void shouldAddEachTasksCountsToTheMinuteOnceAtEveryForward() {
		topology.send(reading("s1", TEN.plusSeconds(1), 10, 50));
		topology.send(reading("s2", TEN.plusSeconds(2), 10, 50));
		assertThat(minute(TEN)).as("counted by the task, not yet forwarded").isNull();

		topology.driver().advanceWallClockTime(CountPerTask.FORWARD_INTERVAL);
		assertThat(minute(TEN)).isEqualTo(Map.of("weather.readings", 2L));

		topology.send(reading("s1", TEN.plusSeconds(3), 10, 50));
		topology.driver().advanceWallClockTime(CountPerTask.FORWARD_INTERVAL);
		topology.driver().advanceWallClockTime(CountPerTask.FORWARD_INTERVAL);
		assertThat(minute(TEN)).isEqualTo(Map.of("weather.readings", 3L));
		KeyValueStore<Long, EventCounts> taskCounts = topology.driver()
			.getKeyValueStore(OverviewTopology.TASK_COUNTS_STORE);
		try (KeyValueIterator<Long, EventCounts> held = taskCounts.all()) {
			assertThat(held.hasNext()).as("forwarded counts are forgotten").isFalse();
		}
	}

	@Test
	void shouldForwardAMinuteAsSoonAsTheTaskReadsALaterOne() {
		topology.send(reading("s1", TEN.plusSeconds(10), 10, 50));
		topology.send(reading("s1", TEN.plusSeconds(20), 10, 50));
		topology.send(reading("s1", TEN.plusSeconds(70), 10, 50));

		assertThat(minute(TEN)).as("complete once a later minute is read, before any forward on the clock")
			.isEqualTo(Map.of("weather.readings", 2L));
		assertThat(minute(TEN.plusSeconds(60))).as("still open").isNull();

		// A late event of a minute already forwarded goes with the next forward.
		topology.send(reading("s2", TEN.plusSeconds(30), 10, 50));
		topology.driver().advanceWallClockTime(CountPerTask.FORWARD_INTERVAL);
		assertThat(minute(TEN)).isEqualTo(Map.of("weather.readings", 3L));
		assertThat(minute(TEN.plusSeconds(60))).isEqualTo(Map.of("weather.readings", 1L));
	}

	@Test
	void shouldReadCountsBackAsWrittenAndFromTheJsonWrittenBefore() {
		EventCounts counts = new EventCounts(Map.of("weather.readings", 1_000_000L, "users.registered", 3L));

		byte[] compact = EventCounts.serde().serializer().serialize("t", counts);
		byte[] json = JsonSerde.of(EventCounts.class).serializer().serialize("t", counts);

		assertThat(EventCounts.serde().deserializer().deserialize("t", compact)).isEqualTo(counts);
		assertThat(EventCounts.serde().deserializer().deserialize("t", json)).isEqualTo(counts);
	}

	private Map<String, Long> minute(Instant start) {
		WindowStore<String, EventCounts> store = topology.driver()
			.getWindowStore(OverviewTopology.EVENTS_PER_MINUTE_STORE);
		EventCounts counts = store.fetch(OverviewTopology.PLATFORM_KEY, start.toEpochMilli());
		return counts == null ? null : counts.byTopic();
	}
}
