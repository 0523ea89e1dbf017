package io.eventplatform.analytics.overview;

import static io.eventplatform.analytics.streams.TopologyFixture.reading;
import static io.eventplatform.analytics.streams.TopologyFixture.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.eventplatform.analytics.streams.TopologyFixture;
import io.eventplatform.contract.kafka.CloudEventHeaders;

/**
 * Records that are not valid events, on any input topic (all topologies read them through the same sources), are skipped and counted by the service's streams settings
 * (the deserialization handler of {@code application.yml}) and the topology carries on with the next record.
 */
class MalformedRecordsTests {

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

	@ParameterizedTest
	@ValueSource(strings = { "users.registered", "weather.readings", "transactions.recorded" })
	void shouldSkipAndCountARecordThatIsNotAnEventAndProcessTheNextOne(String topic) {
		double droppedBefore = dropped();
		RecordHeaders headers = new RecordHeaders();
		headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
		topology.driver()
			.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer())
			.pipeInput(new TestRecord<>("k", "{not json".getBytes(StandardCharsets.UTF_8), headers, TEN));
		topology.sendRaw(topic, "k", "{}".getBytes(StandardCharsets.UTF_8));

		topology.send(reading("s1", TEN, 10, 50));
		topology.send(transaction("a1", "10", "EUR", "NL", TEN));

		assertThat(dropped() - droppedBefore).isEqualTo(2);
		topology.driver().advanceWallClockTime(CountPerTask.FORWARD_INTERVAL);
		WindowStore<String, EventCounts> overview = topology.driver().getWindowStore("overview-events-per-minute");
		assertThat(overview.fetch("platform", TEN.toEpochMilli()).byTopic())
			.containsEntry("weather.readings", 1L)
			.containsEntry("transactions.recorded", 1L);
	}

	@Test
	void shouldSkipAnEventOfTheWrongTypeForItsTopic() {
		double droppedBefore = dropped();
		topology.send(reading("s1", TEN, 10, 50));
		var misplaced = reading("s2", TEN, 10, 50);
		topology.driver()
			.createInputTopic("transactions.recorded", new StringSerializer(),
					new io.eventplatform.contract.kafka.EventSerializer())
			.pipeInput(misplaced.key(), misplaced, TEN);

		assertThat(dropped() - droppedBefore).isEqualTo(1);
	}

	private double dropped() {
		return topology.driver()
			.metrics()
			.values()
			.stream()
			.filter(metric -> metric.metricName().name().equals("dropped-records-total"))
			.map(Metric::metricValue)
			.mapToDouble(value -> ((Number) value).doubleValue())
			.sum();
	}
}
