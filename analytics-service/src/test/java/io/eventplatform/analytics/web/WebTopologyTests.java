package io.eventplatform.analytics.web;

import static io.eventplatform.analytics.streams.TopologyFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventplatform.analytics.streams.AnalyticsEvents;
import io.eventplatform.analytics.streams.TopologyFixture;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.gateway.GatewayRequestCompleted;
import io.eventplatform.contract.platform.PlatformAlertRaised;

class WebTopologyTests {

	static final Instant TEN = Instant.parse("2026-11-21T10:00:00Z");

	static final String ROUTE = "GET /api/users/{id}";

	/** Grace 2 minutes (hours 10), alert after 3 minutes beyond 50% errors (with 4 calls) or a p99 of 200 ms. */
	static final WebProperties PROPERTIES = new WebProperties(Duration.ofMinutes(2), Duration.ofMinutes(10),
			Duration.ofHours(25), Duration.ofDays(31), 3, 4, 0.5, Duration.ofMillis(200));

	private TopologyFixture topology;

	private void start(WebProperties properties) {
		topology = new TopologyFixture(TEN, inputs -> new WebTopology(properties).build(inputs));
	}

	@AfterEach
	void stop() {
		topology.close();
	}

	@Test
	void shouldCountCallsErrorsAndPercentilesOfAMinuteAsComputedByHand() {
		start(PROPERTIES);
		// Latencies 1..100 ms in a shuffled order: p50 = 50, p95 = 95, p99 = 99 (the value at or below which that
		// share of the calls lies); 7 answered 4xx and 3 answered 5xx.
		List<Integer> latencies = new ArrayList<>();
		for (int latency = 1; latency <= 100; latency++) {
			latencies.add(latency);
		}
		Collections.shuffle(latencies, new Random(20));
		for (int i = 0; i < latencies.size(); i++) {
			int status = i < 7 ? 404 : i < 10 ? 503 : 200;
			send("c1", ROUTE, status, latencies.get(i), TEN.plusMillis(500L * i));
		}

		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN))
			.isEqualTo(new Traffic(100, 7, 3, 0.1, 50, 95, 99));
		assertThat(minute(WebTopology.PLATFORM_MINUTE_STORE, WebTopology.PLATFORM_KEY, TEN))
			.isEqualTo(new Traffic(100, 7, 3, 0.1, 50, 95, 99));
	}

	@Test
	void shouldKeepEachMinuteAndHourApartAndMergeTheHourFromAllItsCalls() {
		start(PROPERTIES);
		send("c1", ROUTE, 200, 10, TEN);
		send("c1", ROUTE, 200, 20, TEN.plusSeconds(59));
		send("c1", ROUTE, 500, 30, TEN.plusSeconds(60));
		send("c1", ROUTE, 200, 240, Instant.parse("2026-11-21T10:59:59.999Z"));
		send("c1", ROUTE, 200, 70, Instant.parse("2026-11-21T11:00:00Z"));

		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN)).isEqualTo(new Traffic(2, 0, 0, 0, 10, 20, 20));
		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN.plusSeconds(60)))
			.isEqualTo(new Traffic(1, 0, 1, 1, 30, 30, 30));
		// The 10:00 hour: 10, 20, 30, 240 ms; p50 is the 2nd of 4 (20), p95 and p99 the 4th (240).
		assertThat(hour(WebTopology.ROUTE_HOUR_STORE, ROUTE, TEN)).isEqualTo(new Traffic(4, 0, 1, 0.25, 20, 240, 240));
		assertThat(hour(WebTopology.ROUTE_HOUR_STORE, ROUTE, TEN.plusSeconds(3600)))
			.isEqualTo(new Traffic(1, 0, 0, 0, 70, 70, 70));
		assertThat(hour(WebTopology.PLATFORM_HOUR_STORE, WebTopology.PLATFORM_KEY, TEN).calls()).isEqualTo(4);
	}

	@Test
	void shouldReportALatencyAboveTheExactRangeWithinOnePercent() {
		start(PROPERTIES);
		send("c1", ROUTE, 200, 1234, TEN);

		assertThat((double) minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN).p99()).isCloseTo(1234, within(12.34));
	}

	@Test
	void shouldKeepAClientsWindowsPerRoute() {
		start(PROPERTIES);
		send("c1", ROUTE, 200, 10, TEN);
		send("c1", "POST /api/transactions", 422, 30, TEN.plusSeconds(1));
		send("c1", ROUTE, 200, 20, TEN.plusSeconds(2));
		send("c2", ROUTE, 200, 90, TEN.plusSeconds(3));

		WindowStore<String, Map<String, TrafficStats>> clients = topology.driver()
			.getWindowStore(WebTopology.CLIENT_MINUTE_STORE);
		Map<String, TrafficStats> c1 = clients.fetch("c1", TEN.toEpochMilli());
		assertThat(c1).containsOnlyKeys(ROUTE, "POST /api/transactions");
		assertThat(c1.get(ROUTE).traffic()).isEqualTo(new Traffic(2, 0, 0, 0, 10, 20, 20));
		assertThat(c1.get("POST /api/transactions").traffic()).isEqualTo(new Traffic(1, 1, 0, 1, 30, 30, 30));
		assertThat(clients.fetch("c2", TEN.toEpochMilli()).get(ROUTE).calls()).isEqualTo(1);
		WindowStore<String, Map<String, TrafficStats>> hours = topology.driver()
			.getWindowStore(WebTopology.CLIENT_HOUR_STORE);
		assertThat(hours.fetch("c1", TEN.toEpochMilli()).get(ROUTE).calls()).isEqualTo(2);
	}

	@Test
	void shouldPlaceOutOfOrderCallsByEventTime() {
		start(PROPERTIES);
		send("c1", ROUTE, 200, 10, TEN.plusSeconds(70));
		send("c1", ROUTE, 200, 20, TEN.plusSeconds(20));
		send("c1", ROUTE, 200, 30, TEN.plusSeconds(65));

		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN).calls()).isEqualTo(1);
		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN.plusSeconds(60)).calls()).isEqualTo(2);
	}

	@Test
	void shouldCountALateCallWithinTheGracePeriodAndDropOneBeyondIt() {
		start(PROPERTIES);
		send("c1", ROUTE, 200, 10, TEN.plusSeconds(30));
		// The 10:00 minute ends at 10:01 and takes calls until stream time reaches 10:03.
		send("c1", ROUTE, 200, 10, Instant.parse("2026-11-21T10:02:59.999Z"));
		send("c1", ROUTE, 200, 10, TEN.plusSeconds(45));
		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN).calls()).isEqualTo(2);

		send("c1", ROUTE, 200, 10, Instant.parse("2026-11-21T10:03:00Z"));
		send("c1", ROUTE, 200, 10, TEN.plusSeconds(50));
		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN).calls()).isEqualTo(2);
		// The hour still takes it: its grace is 10 minutes.
		assertThat(hour(WebTopology.ROUTE_HOUR_STORE, ROUTE, TEN).calls()).isEqualTo(5);
	}

	@Test
	void shouldCountACallSentTwiceOnce() {
		start(PROPERTIES);
		EventEnvelope<GatewayRequestCompleted> call = call("c1", ROUTE, 200, 10, TEN);
		topology.send(call);
		topology.send(call);
		forward();

		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN).calls()).isEqualTo(1);
	}

	@Test
	void shouldDeadLetterAMalformedRecordAndCountTheNextCall() {
		start(PROPERTIES);
		topology.sendRaw(Topics.GATEWAY_REQUESTS.name(), "c1", "{not json".getBytes(StandardCharsets.UTF_8));
		send("c1", ROUTE, 200, 10, TEN);

		assertThat(topology.deadLettered(Topics.GATEWAY_REQUESTS.name())).isEqualTo(1);
		assertThat(topology.deadLetters()).extracting(ProducerRecord::topic).containsExactly("gateway.requests-dlt");
		assertThat(new String(topology.deadLetters().get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN).calls()).isEqualTo(1);
	}

	@Test
	void shouldNotAlertAtTheErrorShareLimit() {
		start(PROPERTIES);
		for (int minute = 0; minute < 4; minute++) {
			sendMinute(ROUTE, minute, 4, 2, 10);
		}

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldNotAlertOnAnErrorShareOfTooFewCalls() {
		start(PROPERTIES);
		for (int minute = 0; minute < 4; minute++) {
			sendMinute(ROUTE, minute, 3, 3, 10);
		}

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldRaiseOneAlertWithinTheThirdMinuteBeyondTheErrorShareLimit() {
		start(PROPERTIES);
		sendMinute(ROUTE, 0, 4, 3, 10);
		sendMinute(ROUTE, 1, 4, 3, 10);
		assertThat(alerts()).as("two minutes are not enough").isEmpty();

		sendMinute(ROUTE, 2, 4, 3, 10);
		List<TestRecord<String, EventEnvelope<?>>> alerts = alerts();
		assertThat(topology.deadLetters()).isEmpty();
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).key()).isEqualTo(ROUTE);
		assertThat(alerts.get(0).value().id()).isEqualTo(AnalyticsEvents
			.derived(RouteWatch.ERROR_SHARE_RULE, List.of(ROUTE + "@" + TEN), TEN, "").id());
		assertThat(alerts.get(0).value().source()).isEqualTo(AnalyticsEvents.SOURCE);
		assertThat((PlatformAlertRaised) alerts.get(0).value().data()).satisfies(alert -> {
			assertThat(alert.rule()).isEqualTo("route-error-share");
			assertThat(alert.subject()).isEqualTo(ROUTE);
			assertThat(alert.observed()).isEqualTo(0.75);
			assertThat(alert.threshold()).isEqualTo(0.5);
			assertThat(alert.since()).isEqualTo(TEN);
			assertThat(alert.observedAt()).isEqualTo(TEN.plusSeconds(180));
			assertThat(alert.explanation()).contains("75.0% of 4 calls").contains("50.0%");
		});

		sendMinute(ROUTE, 3, 4, 4, 10);
		sendMinute(ROUTE, 4, 5, 5, 10);
		assertThat(alerts()).as("one alert per episode").isEmpty();
	}

	@Test
	void shouldAlertAgainForANewEpisodeAfterAMinuteWithinTheLimit() {
		start(PROPERTIES);
		for (int minute = 0; minute < 3; minute++) {
			sendMinute(ROUTE, minute, 4, 3, 10);
		}
		sendMinute(ROUTE, 3, 4, 2, 10);
		for (int minute = 4; minute < 7; minute++) {
			sendMinute(ROUTE, minute, 4, 3, 10);
		}

		List<TestRecord<String, EventEnvelope<?>>> alerts = alerts();
		assertThat(alerts).extracting(alert -> ((PlatformAlertRaised) alert.value().data()).since())
			.containsExactly(TEN, TEN.plusSeconds(240));
		assertThat(alerts.get(0).value().id()).isNotEqualTo(alerts.get(1).value().id());
	}

	@Test
	void shouldEndAnEpisodeWithAMinuteWithoutCalls() {
		start(PROPERTIES);
		sendMinute(ROUTE, 0, 4, 3, 10);
		sendMinute(ROUTE, 1, 4, 3, 10);
		sendMinute(ROUTE, 3, 4, 3, 10);
		sendMinute(ROUTE, 4, 4, 3, 10);

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldJudgeEachRouteOnItsOwn() {
		start(PROPERTIES);
		sendMinute(ROUTE, 0, 4, 3, 10);
		sendMinute("GET /api/other", 1, 4, 3, 10);
		sendMinute(ROUTE, 2, 4, 3, 10);

		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldRaiseTheAlertWhenLateCallsCompleteTheRun() {
		start(PROPERTIES);
		sendMinute(ROUTE, 2, 4, 3, 10);
		sendMinute(ROUTE, 0, 4, 3, 10);
		assertThat(alerts()).isEmpty();

		sendMinute(ROUTE, 1, 4, 3, 10);
		List<TestRecord<String, EventEnvelope<?>>> alerts = alerts();
		assertThat(alerts).hasSize(1);
		assertThat((PlatformAlertRaised) alerts.get(0).value().data()).satisfies(alert -> {
			assertThat(alert.since()).isEqualTo(TEN);
			assertThat(alert.observedAt()).isEqualTo(TEN.plusSeconds(120));
		});
	}

	@Test
	void shouldNotAlertAgainWhenALateMinuteMovesTheStartOfAnAlertedEpisode() {
		start(new WebProperties(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofHours(25),
				Duration.ofDays(31), 3, 4, 0.5, Duration.ofMillis(200)));
		for (int minute = 1; minute < 4; minute++) {
			sendMinute(ROUTE, minute, 4, 3, 10);
		}
		assertThat(alerts()).hasSize(1);

		sendMinute(ROUTE, 0, 4, 3, 10);
		sendMinute(ROUTE, 4, 4, 3, 10);
		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldNotAlertAtTheP99LimitAndAlertOnceBeyondIt() {
		start(PROPERTIES);
		for (int minute = 0; minute < 3; minute++) {
			sendMinute(ROUTE, minute, 4, 0, 200);
		}
		assertThat(alerts()).as("at the limit").isEmpty();

		for (int minute = 3; minute < 7; minute++) {
			sendMinute(ROUTE, minute, 4, 0, 201);
		}
		List<TestRecord<String, EventEnvelope<?>>> alerts = alerts();
		assertThat(alerts).hasSize(1);
		assertThat((PlatformAlertRaised) alerts.get(0).value().data()).satisfies(alert -> {
			assertThat(alert.rule()).isEqualTo("route-latency-p99");
			assertThat(alert.observed()).isEqualTo(201);
			assertThat(alert.threshold()).isEqualTo(200);
			assertThat(alert.since()).isEqualTo(TEN.plusSeconds(180));
			assertThat(alert.observedAt()).isEqualTo(TEN.plusSeconds(360));
		});
	}

	@Test
	void shouldCountMadeUpMethodsAsOneRouteOfTheirPattern() {
		start(PROPERTIES);
		for (int i = 0; i < 50; i++) {
			send("anonymous", "M" + i + " unrouted", 400, 1, TEN.plusMillis(i));
		}
		send("anonymous", "GET unrouted", 401, 1, TEN.plusSeconds(1));

		WindowStore<String, Map<String, TrafficStats>> clients = topology.driver()
			.getWindowStore(WebTopology.CLIENT_MINUTE_STORE);
		Map<String, TrafficStats> anonymous = clients.fetch("anonymous", TEN.toEpochMilli());
		assertThat(anonymous).containsOnlyKeys("OTHER unrouted", "GET unrouted");
		assertThat(anonymous.get("OTHER unrouted").calls()).isEqualTo(50);
		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, "OTHER unrouted", TEN).calls()).isEqualTo(50);
	}

	@Test
	void shouldNotAlertAtAP99LimitBeyondTheExactRangeOfTheHistogram() {
		start(new WebProperties(Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(25),
				Duration.ofDays(31), 3, 4, 0.5, Duration.ofSeconds(2)));
		for (int minute = 0; minute < 4; minute++) {
			sendMinute(ROUTE, minute, 4, 0, 2_000);
		}
		assertThat(alerts()).as("exactly at 2 s").isEmpty();

		for (int minute = 4; minute < 7; minute++) {
			sendMinute(ROUTE, minute, 4, 0, 2_100);
		}
		assertThat(alerts()).hasSize(1);
	}

	@Test
	void shouldNotAlertOnSlowMinutesWithFewerCallsThanTheMinimum() {
		start(PROPERTIES);
		for (int minute = 0; minute < 4; minute++) {
			sendMinute(ROUTE, minute, 3, 0, 5_000);
		}
		assertThat(alerts()).isEmpty();
	}

	@Test
	void shouldAddEachTasksCallsToTheRouteAndPlatformWindowsOnceAtEveryForward() {
		start(PROPERTIES);
		topology.send(call("c1", ROUTE, 200, 10, TEN));
		topology.send(call("c2", ROUTE, 500, 30, TEN.plusSeconds(1)));
		topology.send(call("c1", "POST /api/transactions", 201, 20, TEN.plusSeconds(2)));

		// A client's windows are its own partition's: updated at once. Routes and the platform wait for the forward.
		WindowStore<String, Map<String, TrafficStats>> clients = topology.driver()
			.getWindowStore(WebTopology.CLIENT_MINUTE_STORE);
		assertThat(clients.fetch("c1", TEN.toEpochMilli())).containsOnlyKeys(ROUTE, "POST /api/transactions");
		assertThat(routeMinute(ROUTE, TEN)).isNull();
		assertThat(platformMinute(TEN)).isNull();

		forward();
		forward();
		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN)).isEqualTo(new Traffic(2, 0, 1, 0.5, 10, 30, 30));
		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, "POST /api/transactions", TEN).calls()).isEqualTo(1);
		assertThat(minute(WebTopology.PLATFORM_MINUTE_STORE, WebTopology.PLATFORM_KEY, TEN))
			.isEqualTo(new Traffic(3, 0, 1, 1 / 3.0, 20, 30, 30));
		assertThat(hour(WebTopology.PLATFORM_HOUR_STORE, WebTopology.PLATFORM_KEY, TEN).calls()).isEqualTo(3);
		KeyValueStore<String, ValueAndTimestamp<TrafficStats>> held = topology.driver()
			.getTimestampedKeyValueStore(WebTopology.TASK_TRAFFIC_STORE);
		try (KeyValueIterator<String, ValueAndTimestamp<TrafficStats>> all = held.all()) {
			assertThat(all.hasNext()).isFalse();
		}
	}

	@Test
	void shouldForwardAMinuteAsSoonAsTheTaskReadsALaterOne() {
		start(PROPERTIES);
		topology.send(call("c1", ROUTE, 200, 10, TEN.plusSeconds(59)));
		assertThat(routeMinute(ROUTE, TEN)).isNull();

		topology.send(call("c1", ROUTE, 200, 20, TEN.plusSeconds(60)));
		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN).calls()).isEqualTo(1);
		assertThat(minute(WebTopology.PLATFORM_MINUTE_STORE, WebTopology.PLATFORM_KEY, TEN).calls()).isEqualTo(1);
		assertThat(routeMinute(ROUTE, TEN.plusSeconds(60))).isNull();
	}

	@Test
	void shouldJudgeAHeldLateCallByTheNewestCallForwardedBeforeIt() {
		start(PROPERTIES);
		// The 10:00 minute takes calls until stream time reaches 10:03. Held together and forwarded oldest minute
		// first, the late 10:00:20 reaches its window before the 10:03 call: counted.
		topology.send(call("c1", ROUTE, 200, 10, TEN.plusSeconds(10)));
		topology.send(call("c1", ROUTE, 200, 10, Instant.parse("2026-11-21T10:03:00Z")));
		topology.send(call("c1", ROUTE, 200, 10, TEN.plusSeconds(20)));
		forward();
		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN).calls()).isEqualTo(2);

		// Forwarded after the 10:03 call: dropped from the minute, kept in the hour (grace 10 minutes).
		send("c1", ROUTE, 200, 10, TEN.plusSeconds(30));
		assertThat(minute(WebTopology.ROUTE_MINUTE_STORE, ROUTE, TEN).calls()).isEqualTo(2);
		assertThat(hour(WebTopology.ROUTE_HOUR_STORE, ROUTE, TEN).calls()).isEqualTo(4);
	}

	/** {@code calls} calls in the minute {@code minute} after ten, the first {@code failed} answered 500. */
	private void sendMinute(String route, int minute, int calls, int failed, long latency) {
		for (int i = 0; i < calls; i++) {
			send("c1", route, i < failed ? 500 : 200, latency, TEN.plusSeconds(60L * minute + i));
		}
	}

	/** Sends one call and lets the wall clock pass until each task has forwarded what it holds. */
	private void send(String client, String route, int status, long latency, Instant at) {
		topology.send(call(client, route, status, latency, at));
		forward();
	}

	private void forward() {
		topology.driver().advanceWallClockTime(TrafficPerTask.FORWARD_INTERVAL);
	}

	private static EventEnvelope<GatewayRequestCompleted> call(String client, String route, int status, long latency,
			Instant at) {
		String[] methodAndPattern = route.split(" ", 2);
		return event(new GatewayRequestCompleted(client, methodAndPattern[0], methodAndPattern[1], status, latency),
				at);
	}

	private Traffic minute(String store, String key, Instant start) {
		WindowStore<String, TrafficStats> windows = topology.driver().getWindowStore(store);
		return windows.fetch(key, start.toEpochMilli()).traffic();
	}

	private TrafficStats routeMinute(String route, Instant start) {
		WindowStore<String, TrafficStats> windows = topology.driver().getWindowStore(WebTopology.ROUTE_MINUTE_STORE);
		return windows.fetch(route, start.toEpochMilli());
	}

	private TrafficStats platformMinute(Instant start) {
		WindowStore<String, TrafficStats> windows = topology.driver().getWindowStore(WebTopology.PLATFORM_MINUTE_STORE);
		return windows.fetch(WebTopology.PLATFORM_KEY, start.toEpochMilli());
	}

	private Traffic hour(String store, String key, Instant start) {
		return minute(store, key, start);
	}

	private List<TestRecord<String, EventEnvelope<?>>> alerts() {
		return topology.written(Topics.PLATFORM_ALERTS);
	}
}
