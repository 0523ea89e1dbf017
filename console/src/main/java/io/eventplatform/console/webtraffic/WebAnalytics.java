package io.eventplatform.console.webtraffic;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import io.eventplatform.console.platformapi.PlatformApi;
import io.eventplatform.console.platformapi.ServiceCallFailed;

/**
 * analytics-service's web-analytics queries ({@code /api/analytics/web/**}, through the gateway), read into records.
 * Each throws {@link ServiceCallFailed} when analytics-service cannot answer.
 */
@Component
class WebAnalytics {

	/** The window the busiest-routes table covers, in minutes. */
	static final int TABLE_MINUTES = 15;

	/** Rows of the table; the API's bound is 100. */
	static final int TABLE_SIZE = 20;

	/** How the routes may be ordered, as the API names it. */
	enum Sort {

		CALLS("calls"), P99("p99"), ERROR_SHARE("errorShare");

		private final String name;

		Sort(String name) {
			this.name = name;
		}

		String apiName() {
			return name;
		}

		static Sort of(String name) {
			for (Sort sort : values()) {
				if (sort.name.equals(name)) {
					return sort;
				}
			}
			throw new IllegalArgumentException(name);
		}
	}

	/** How finely a series is cut, as the API names it. */
	enum Resolution {

		MINUTE, HOUR;

		String apiName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** The figures of some calls, as the contract's {@code Traffic} object carries them. */
	record Traffic(long calls, long clientErrors, long serverErrors, double errorShare, long p50, long p95, long p99) {

		static Traffic of(JsonNode node) {
			return new Traffic(node.path("calls").asLong(), node.path("clientErrors").asLong(),
					node.path("serverErrors").asLong(), node.path("errorShare").asDouble(), node.path("p50").asLong(),
					node.path("p95").asLong(), node.path("p99").asLong());
		}

		/** The error share in per cent. */
		public double errorPercent() {
			return errorShare * 100;
		}
	}

	/** One row of the busiest routes. */
	record RouteTraffic(String route, double callsPerMinute, Traffic traffic) {
	}

	/** A page of the busiest (or slowest, or most failing) routes. */
	record Routes(Instant from, Instant to, Sort sort, long total, List<RouteTraffic> routes) {
	}

	/** One window of a series. */
	record Point(Instant start, Traffic traffic) {
	}

	private final PlatformApi api;

	WebAnalytics(PlatformApi api) {
		this.api = api;
	}

	Routes routes(Sort sort) {
		JsonNode answer = api.get("/api/analytics/web/routes?minutes={minutes}&sort={sort}&page=0&size={size}",
				Map.of("minutes", TABLE_MINUTES, "sort", sort.apiName(), "size", TABLE_SIZE));
		List<RouteTraffic> routes = new ArrayList<>();
		for (JsonNode route : answer.path("routes")) {
			routes.add(new RouteTraffic(route.path("route").asString(""), route.path("callsPerMinute").asDouble(),
					Traffic.of(route)));
		}
		return new Routes(instant(answer.path("from")), instant(answer.path("to")), sort,
				answer.path("total").asLong(routes.size()), routes);
	}

	/** A route's windows over the API's default range: the last 60 minutes, or the last 24 hours. */
	List<Point> route(String route, Resolution resolution) {
		return points(api.get("/api/analytics/web/routes/series?route={route}&resolution={resolution}",
				Map.of("route", route, "resolution", resolution.apiName())));
	}

	/** All routes together, over the API's default range. */
	List<Point> errors(Resolution resolution) {
		return points(api.get("/api/analytics/web/errors?resolution={resolution}",
				Map.of("resolution", resolution.apiName())));
	}

	private static List<Point> points(JsonNode answer) {
		List<Point> points = new ArrayList<>();
		for (JsonNode point : answer.path("points")) {
			points.add(new Point(instant(point.path("start")), Traffic.of(point)));
		}
		points.sort(Comparator.comparing(Point::start));
		return points;
	}

	private static Instant instant(JsonNode node) {
		String text = node.asString("");
		try {
			return text.isEmpty() ? Instant.EPOCH : Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new ServiceCallFailed("analytics-service answered a time that is no ISO-8601 instant: " + text, ex);
		}
	}
}
