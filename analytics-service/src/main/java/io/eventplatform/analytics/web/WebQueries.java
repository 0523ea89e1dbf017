package io.eventplatform.analytics.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.springframework.stereotype.Service;

import io.eventplatform.analytics.streams.StateStores;

/** Reads the web analytics from this instance's state stores. */
@Service
public class WebQueries {

	/** Minute or hour windows. */
	public enum Resolution {

		MINUTE(WebProperties.MINUTE, WebTopology.ROUTE_MINUTE_STORE, WebTopology.CLIENT_MINUTE_STORE,
				WebTopology.PLATFORM_MINUTE_STORE, Duration.ofHours(24), Duration.ofMinutes(60)),
		HOUR(WebProperties.HOUR, WebTopology.ROUTE_HOUR_STORE, WebTopology.CLIENT_HOUR_STORE,
				WebTopology.PLATFORM_HOUR_STORE, Duration.ofDays(30), Duration.ofHours(24));

		private final Duration size;

		private final String routeStore;

		private final String clientStore;

		private final String platformStore;

		private final Duration maxRange;

		private final Duration defaultRange;

		Resolution(Duration size, String routeStore, String clientStore, String platformStore, Duration maxRange,
				Duration defaultRange) {
			this.size = size;
			this.routeStore = routeStore;
			this.clientStore = clientStore;
			this.platformStore = platformStore;
			this.maxRange = maxRange;
			this.defaultRange = defaultRange;
		}

		public static Resolution named(String name) {
			return valueOf(name.toUpperCase(java.util.Locale.ROOT));
		}

		public String routeStore() {
			return routeStore;
		}

		public String clientStore() {
			return clientStore;
		}

		public String platformStore() {
			return platformStore;
		}

		/** The longest range a query may ask for. */
		public Duration maxRange() {
			return maxRange;
		}

		/** The range a query without {@code from} covers, up to {@code to}. */
		public Duration defaultRange() {
			return defaultRange;
		}

		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** The order of the route list: most calls, highest p99 or highest error share first. */
	public enum Sort {

		CALLS(Comparator.comparingLong(RouteTraffic::calls)),
		P99(Comparator.comparingLong(RouteTraffic::p99)),
		ERROR_SHARE(Comparator.comparingDouble(RouteTraffic::errorShare));

		private final Comparator<RouteTraffic> order;

		Sort(Comparator<RouteTraffic> ascending) {
			// Ties by route, so that pages do not overlap.
			this.order = ascending.reversed().thenComparing(RouteTraffic::route);
		}

		public static Sort named(String name) {
			return switch (name) {
				case "p99" -> P99;
				case "errorShare" -> ERROR_SHARE;
				default -> CALLS;
			};
		}
	}

	/** A route's calls over a range; {@code callsPerMinute} is calls divided by the range's minutes. */
	public record RouteTraffic(String route, double callsPerMinute, long calls, long clientErrors, long serverErrors,
			double errorShare, long p50, long p95, long p99) {

		static RouteTraffic of(String route, double minutes, Traffic traffic) {
			return new RouteTraffic(route, traffic.calls() / minutes, traffic.calls(), traffic.clientErrors(),
					traffic.serverErrors(), traffic.errorShare(), traffic.p50(), traffic.p95(), traffic.p99());
		}
	}

	/**
	 * One page of routes. An instance asked by another for its part answers all the routes it holds (page 0, size =
	 * total); each route is held by one instance, so the parts add up.
	 */
	public record RoutesPage(Instant from, Instant to, String sort, int page, int size, long total,
			List<RouteTraffic> routes) {

		public RoutesPage merge(RoutesPage other) {
			List<RouteTraffic> all = new ArrayList<>(routes);
			all.addAll(other.routes);
			return new RoutesPage(from, to, sort, 0, all.size(), all.size(), all);
		}

		public RoutesPage page(Sort order, String sortName, int page, int size) {
			List<RouteTraffic> sorted = routes.stream().sorted(order.order).toList();
			long skip = (long) page * size;
			List<RouteTraffic> slice = skip >= sorted.size() ? List.of()
					: sorted.subList((int) skip, (int) Math.min(sorted.size(), skip + size));
			return new RoutesPage(from, to, sortName, page, size, sorted.size(), slice);
		}
	}

	/** One window's calls. */
	public record Point(Instant start, long calls, long clientErrors, long serverErrors, double errorShare, long p50,
			long p95, long p99) {

		static Point of(Instant start, Traffic traffic) {
			return new Point(start, traffic.calls(), traffic.clientErrors(), traffic.serverErrors(),
					traffic.errorShare(), traffic.p50(), traffic.p95(), traffic.p99());
		}
	}

	/** A route's calls over a whole range. */
	public record RouteTotal(String route, long calls, long clientErrors, long serverErrors, double errorShare,
			long p50, long p95, long p99) {

		static RouteTotal of(String route, Traffic traffic) {
			return new RouteTotal(route, traffic.calls(), traffic.clientErrors(), traffic.serverErrors(),
					traffic.errorShare(), traffic.p50(), traffic.p95(), traffic.p99());
		}
	}

	public record RouteSeries(String route, String resolution, List<Point> points) {
	}

	/** @param routes per route over the whole range, busiest first, at most {@value #MAX_CLIENT_ROUTES} */
	public record ClientTraffic(String clientId, String resolution, List<Point> points, List<RouteTotal> routes) {
	}

	public record Errors(String resolution, List<Point> points) {
	}

	public static final int MAX_CLIENT_ROUTES = 100;

	public static final String ROUTES_STORE = WebTopology.ROUTE_MINUTE_STORE;

	public static final String PLATFORM_KEY = WebTopology.PLATFORM_KEY;

	private final StateStores stores;

	WebQueries(StateStores stores) {
		this.stores = stores;
	}

	/** The routes this instance holds, over the minutes that started after {@code from} and up to {@code to}. */
	public RoutesPage routes(Instant from, Instant to) {
		double minutes = Math.max(1, Duration.between(from, to).toMillis() / (double) WebProperties.MINUTE.toMillis());
		return stores.query(WebTopology.ROUTE_MINUTE_STORE, QueryableStoreTypes.<String, TrafficStats>windowStore(),
				store -> {
					Map<String, TrafficStats> byRoute = new TreeMap<>();
					try (KeyValueIterator<Windowed<String>, TrafficStats> windows = store
						.fetchAll(from.plusMillis(1), to)) {
						windows.forEachRemaining(window -> byRoute.merge(window.key.key(), window.value,
								TrafficStats::merge));
					}
					List<RouteTraffic> routes = byRoute.entrySet()
						.stream()
						.map(route -> RouteTraffic.of(route.getKey(), minutes, route.getValue().traffic()))
						.toList();
					return new RoutesPage(from, to, "calls", 0, routes.size(), routes.size(), routes);
				});
	}

	/** The route's windows that started in [from, to) and have calls, oldest first. */
	public RouteSeries route(String route, Resolution resolution, Instant from, Instant to) {
		return new RouteSeries(route, resolution.label(), points(resolution.routeStore(), route, from, to));
	}

	public Errors errors(Resolution resolution, Instant from, Instant to) {
		return new Errors(resolution.label(), points(resolution.platformStore(), PLATFORM_KEY, from, to));
	}

	public ClientTraffic client(String clientId, Resolution resolution, Instant from, Instant to) {
		return stores.query(resolution.clientStore(),
				QueryableStoreTypes.<String, Map<String, TrafficStats>>windowStore(), store -> {
					List<Point> points = new ArrayList<>();
					Map<String, TrafficStats> byRoute = new TreeMap<>();
					try (WindowStoreIterator<Map<String, TrafficStats>> windows = store.fetch(clientId, from,
							to.minusMillis(1))) {
						windows.forEachRemaining((KeyValue<Long, Map<String, TrafficStats>> window) -> {
							TrafficStats all = TrafficStats.none();
							window.value.forEach((route, stats) -> {
								all.merge(stats);
								byRoute.merge(route, stats, (a, b) -> TrafficStats.none().merge(a).merge(b));
							});
							points.add(Point.of(Instant.ofEpochMilli(window.key), all.traffic()));
						});
					}
					List<RouteTotal> routes = byRoute.entrySet()
						.stream()
						.map(route -> RouteTotal.of(route.getKey(), route.getValue().traffic()))
						.sorted(Comparator.comparingLong(RouteTotal::calls).reversed()
							.thenComparing(RouteTotal::route))
						.limit(MAX_CLIENT_ROUTES)
						.toList();
					return new ClientTraffic(clientId, resolution.label(), points, routes);
				});
	}

	private List<Point> points(String storeName, String key, Instant from, Instant to) {
		return stores.query(storeName, QueryableStoreTypes.<String, TrafficStats>windowStore(), store -> {
			List<Point> points = new ArrayList<>();
			try (WindowStoreIterator<TrafficStats> windows = store.fetch(key, from, to.minusMillis(1))) {
				windows.forEachRemaining((KeyValue<Long, TrafficStats> window) -> points
					.add(Point.of(Instant.ofEpochMilli(window.key), window.value.traffic())));
			}
			return points;
		});
	}
}
