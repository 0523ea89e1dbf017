package io.eventplatform.analytics.web;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.eventplatform.analytics.streams.EventSerde;
import io.eventplatform.analytics.streams.InputStreams;
import io.eventplatform.analytics.streams.JsonSerde;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.gateway.GatewayRequestCompleted;
import io.eventplatform.contract.platform.PlatformAlertRaised;

/**
 * The gateway's request log by event time: calls, errors and latency histograms per route, per client and for the
 * whole platform, in tumbling minutes and hours, and the route rules writing to {@code platform.alerts}.
 * <p>
 * Routes are spread over the partitions (and so over the instances) by route; the list of all routes is answered by
 * asking every instance for its routes ({@code KeyQueries.gather}). A client's windows stay in the partition of its
 * client id (the input's key: no repartition). The platform-wide windows live under one key, so one instance answers
 * for them, as the overview's do. The route and platform windows add up each task's minutes ({@link TrafficPerTask}),
 * so they are up to a second behind the client windows, and a route alert comes up to a second later.
 */
@Component
class WebTopology {

	static final String ROUTE_MINUTE_STORE = "web-route-minute";

	static final String ROUTE_HOUR_STORE = "web-route-hour";

	static final String CLIENT_MINUTE_STORE = "web-client-minute";

	static final String CLIENT_HOUR_STORE = "web-client-hour";

	static final String PLATFORM_MINUTE_STORE = "web-platform-minute";

	static final String PLATFORM_HOUR_STORE = "web-platform-hour";

	static final String EPISODES_STORE = "web-route-episodes";

	/** Each task's calls per route and minute not yet added to the route and platform windows. */
	static final String TASK_TRAFFIC_STORE = "web-task-traffic";

	/** All routes together live under this one key, so one instance answers for the whole platform. */
	static final String PLATFORM_KEY = "platform";

	private final WebProperties properties;

	WebTopology(WebProperties properties) {
		this.properties = properties;
	}

	/** The methods a route is told apart by; the gateway logs whatever a caller sent, even before refusing it. */
	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	/**
	 * {@code <METHOD> <route pattern>}, e.g. {@code GET /api/users/{id}}; any other method is {@code OTHER}, so callers
	 * making up methods cannot grow the number of routes (and a client's window) without bound.
	 */
	static String routeOf(GatewayRequestCompleted call) {
		String method = METHODS.contains(call.method()) ? call.method() : "OTHER";
		return method + " " + call.route();
	}

	@Autowired
	void build(InputStreams inputs) {
		Serde<GatewayRequestCompleted> calls = JsonSerde.of(GatewayRequestCompleted.class);
		KStream<String, GatewayRequestCompleted> requests = inputs
			.gatewayRequests(properties.deduplicationWindow())
			.mapValues(EventEnvelope::data, Named.as("web-request-data"));

		// Routes and the platform are keys of other partitions: each task adds up its calls first (TrafficPerTask).
		inputs.builder()
			.addStateStore(Stores
				.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(TASK_TRAFFIC_STORE),
						Serdes.String(), TrafficSerdes.stats())
				.withCachingEnabled());
		KStream<String, TrafficStats> routeTraffic = requests.process(() -> new TrafficPerTask(TASK_TRAFFIC_STORE),
				Named.as("web-traffic-per-task"), TASK_TRAFFIC_STORE);
		// New names: the repartition topics of the topology before carried one call per record, not added-up minutes.
		KGroupedStream<String, TrafficStats> byRoute = routeTraffic
			.groupByKey(Grouped.with("web-route-traffic", Serdes.String(), TrafficSerdes.stats()));
		KTable<Windowed<String>, TrafficStats> routeMinutes = byRoute
			.windowedBy(TimeWindows.ofSizeAndGrace(WebProperties.MINUTE, properties.minuteGrace()))
			.aggregate(TrafficStats::none, (route, traffic, stats) -> stats.merge(traffic),
					stats(ROUTE_MINUTE_STORE, properties.minuteStoreRetention()));
		byRoute.windowedBy(TimeWindows.ofSizeAndGrace(WebProperties.HOUR, properties.hourGrace()))
			.aggregate(TrafficStats::none, (route, traffic, stats) -> stats.merge(traffic),
					stats(ROUTE_HOUR_STORE, properties.hourStoreRetention()));

		KGroupedStream<String, GatewayRequestCompleted> byClient = requests
			.groupByKey(Grouped.with("web-by-client", Serdes.String(), calls));
		byClient.windowedBy(TimeWindows.ofSizeAndGrace(WebProperties.MINUTE, properties.minuteGrace()))
			.aggregate(TreeMap::new, WebTopology::addByRoute,
					byRoute(CLIENT_MINUTE_STORE, properties.minuteStoreRetention()));
		byClient.windowedBy(TimeWindows.ofSizeAndGrace(WebProperties.HOUR, properties.hourGrace()))
			.aggregate(TreeMap::new, WebTopology::addByRoute,
					byRoute(CLIENT_HOUR_STORE, properties.hourStoreRetention()));

		KGroupedStream<String, TrafficStats> platform = routeTraffic.groupBy((route, traffic) -> PLATFORM_KEY,
				Grouped.with("web-platform-traffic", Serdes.String(), TrafficSerdes.stats()));
		platform.windowedBy(TimeWindows.ofSizeAndGrace(WebProperties.MINUTE, properties.minuteGrace()))
			.aggregate(TrafficStats::none, (key, traffic, stats) -> stats.merge(traffic),
					stats(PLATFORM_MINUTE_STORE, properties.minuteStoreRetention()));
		platform.windowedBy(TimeWindows.ofSizeAndGrace(WebProperties.HOUR, properties.hourGrace()))
			.aggregate(TrafficStats::none, (key, traffic, stats) -> stats.merge(traffic),
					stats(PLATFORM_HOUR_STORE, properties.hourStoreRetention()));

		inputs.builder()
			.addStateStore(Stores
				.keyValueStoreBuilder(Stores.persistentKeyValueStore(EPISODES_STORE), Serdes.String(),
						JsonSerde.of(RouteWatch.Episode.class))
				.withCachingEnabled());
		// Each change of a route's minute (as it happens, not when the window closes) is judged with its neighbours.
		KStream<String, EventEnvelope<PlatformAlertRaised>> alerts = routeMinutes.toStream(Named.as("web-route-minutes"))
			.process(() -> new RouteWatch(properties, ROUTE_MINUTE_STORE, EPISODES_STORE), Named.as("web-route-rules"),
					ROUTE_MINUTE_STORE, EPISODES_STORE);
		alerts.to(Topics.PLATFORM_ALERTS.name(), Produced
			.with(Serdes.String(), EventSerde.of(PlatformAlertRaised.class)).withName("write-platform-alerts"));
	}

	private static Map<String, TrafficStats> addByRoute(String client, GatewayRequestCompleted call,
			Map<String, TrafficStats> routes) {
		routes.computeIfAbsent(routeOf(call), route -> TrafficStats.none()).add(call);
		return routes;
	}

	private static Materialized<String, TrafficStats, WindowStore<Bytes, byte[]>> stats(String store,
			Duration retention) {
		return Materialized.<String, TrafficStats, WindowStore<Bytes, byte[]>>as(store)
			.withKeySerde(Serdes.String())
			.withValueSerde(TrafficSerdes.stats())
			.withRetention(retention);
	}

	private static Materialized<String, Map<String, TrafficStats>, WindowStore<Bytes, byte[]>> byRoute(String store,
			Duration retention) {
		return Materialized.<String, Map<String, TrafficStats>, WindowStore<Bytes, byte[]>>as(store)
			.withKeySerde(Serdes.String())
			.withValueSerde(TrafficSerdes.byRoute())
			.withRetention(retention);
	}
}
