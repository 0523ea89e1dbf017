package io.eventplatform.console.webtraffic;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.json.JsonMapper;

import io.eventplatform.console.platformapi.ServiceCallFailed;
import io.eventplatform.console.web.ConsolePage;
import io.eventplatform.console.web.PageProblem;
import io.eventplatform.console.webtraffic.WebAnalytics.Point;
import io.eventplatform.console.webtraffic.WebAnalytics.Resolution;
import io.eventplatform.console.webtraffic.WebAnalytics.Sort;

/**
 * {@code /web}: the busiest routes of the last 15 minutes (a table the page asks for again every few seconds), a
 * chart per route, and the error share of all routes over time. When analytics-service cannot answer, each part says
 * so in place of its figures; the page itself still renders.
 */
@Controller
@ConsolePage
class WebTrafficController {

	/** A route as the gateway names it: a method, a space, a path pattern; bounded before it reaches a URL. */
	/** A route as the gateway names it: a method and its pattern, or {@code unrouted} for calls refused before one. */
	private static final Pattern ROUTE = Pattern.compile("[A-Z]{3,7} (/[\\x21-\\x7e]{0,290}|unrouted)");

	private final WebAnalytics analytics;

	private final JsonMapper json;

	private final Clock clock;

	WebTrafficController(WebAnalytics analytics, JsonMapper json, Clock clock) {
		this.analytics = analytics;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/web")
	String page(@RequestParam(defaultValue = "calls") String sort, @RequestParam(required = false) @Nullable String route,
			@RequestParam(defaultValue = "minute") String resolution, Model model) {
		model.addAttribute("route", route == null || route.isBlank() ? null : validRoute(route));
		model.addAttribute("resolution", resolutionOf(resolution).apiName());
		routesInto(model, sortOf(sort));
		return "web-traffic";
	}

	/** The table alone, for the page's refresh and its sort links. */
	@GetMapping("/web/routes")
	String routes(@RequestParam(defaultValue = "calls") String sort, Model model) {
		routesInto(model, sortOf(sort));
		return "web-traffic :: routes";
	}

	/** One route's calls, error share and p99 per minute over the last hour, or per hour over the last day. */
	@GetMapping("/web/route")
	String route(@RequestParam String route, @RequestParam(defaultValue = "minute") String resolution, Model model) {
		String valid = validRoute(route);
		Resolution cut = resolutionOf(resolution);
		model.addAttribute("route", valid);
		model.addAttribute("resolution", cut.apiName());
		try {
			model.addAttribute("routeChart", chart(analytics.route(valid, cut)));
		}
		catch (ServiceCallFailed ex) {
			model.addAttribute("routeProblem", problem(ex));
		}
		return "web-traffic :: route-chart";
	}

	/** All routes' error share (and calls) per minute over the last hour, or per hour over the last day. */
	@GetMapping("/web/errors")
	String errors(@RequestParam(defaultValue = "minute") String resolution, Model model) {
		Resolution cut = resolutionOf(resolution);
		model.addAttribute("errorsResolution", cut.apiName());
		try {
			model.addAttribute("errorsChart", chart(analytics.errors(cut)));
		}
		catch (ServiceCallFailed ex) {
			model.addAttribute("errorsProblem", problem(ex));
		}
		return "web-traffic :: errors-chart";
	}

	private void routesInto(Model model, Sort sort) {
		model.addAttribute("sort", sort.apiName());
		model.addAttribute("asked", clock.instant());
		try {
			model.addAttribute("routes", analytics.routes(sort));
		}
		catch (ServiceCallFailed ex) {
			model.addAttribute("routesProblem", problem(ex));
		}
	}

	/** What the person reads: analytics-service unreachable (or failing), or refusing the query. */
	private static String problem(ServiceCallFailed ex) {
		if (ex.getCause() instanceof RestClientResponseException response && response.getStatusCode().is4xxClientError()
				&& response.getStatusCode().value() != 404) {
			return "analytics-service refused the query: " + ex.getMessage();
		}
		return "Web analytics is unreachable right now (analytics-service, through the gateway): " + ex.getMessage();
	}

	/** uPlot's columns: window starts (epoch seconds), calls, error share in per cent, p50 and p99 in milliseconds. */
	private String chart(List<Point> points) {
		Map<String, List<? extends Number>> chart = new LinkedHashMap<>();
		chart.put("times", points.stream().map(point -> point.start().getEpochSecond()).toList());
		chart.put("calls", points.stream().map(point -> point.traffic().calls()).toList());
		chart.put("errorPercent", points.stream().map(point -> point.traffic().errorPercent()).toList());
		chart.put("p50", points.stream().map(point -> point.traffic().p50()).toList());
		chart.put("p99", points.stream().map(point -> point.traffic().p99()).toList());
		return json.writeValueAsString(chart);
	}

	private static Sort sortOf(String sort) {
		try {
			return Sort.of(sort);
		}
		catch (IllegalArgumentException ex) {
			throw new PageProblem(HttpStatus.BAD_REQUEST, "The field sort must be one of calls, p99, errorShare");
		}
	}

	private static Resolution resolutionOf(String resolution) {
		return switch (resolution) {
			case "minute" -> Resolution.MINUTE;
			case "hour" -> Resolution.HOUR;
			default -> throw new PageProblem(HttpStatus.BAD_REQUEST, "The field resolution must be minute or hour");
		};
	}

	private static String validRoute(String route) {
		if (!ROUTE.matcher(route).matches()) {
			throw new PageProblem(HttpStatus.BAD_REQUEST,
					"The field route must be a method and a path pattern, such as GET /api/users/{id} (at most 300 characters)");
		}
		return route;
	}
}
