package io.eventplatform.console.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.eventplatform.console.platformapi.PlatformApi;
import io.eventplatform.console.platformapi.ServiceCallFailed;
import io.eventplatform.console.security.Roles;
import io.eventplatform.console.trend.OffsetTrends;
import io.eventplatform.console.trend.Series;
import io.eventplatform.console.web.ConsolePage;
import io.eventplatform.console.web.PageProblem;
import io.eventplatform.contract.Topics;

/**
 * The platform's own views under {@code /live}: fraud alerts pushed as they happen, weather stations, registrations
 * per country and events per topic per minute. Viewers and operators both see them; free text is masked for viewers.
 */
@Controller
@ConsolePage
class LiveController {

	/** The platform's event topics, in the order the page shows them. */
	static final List<String> TOPICS = List.of(Topics.Names.USERS_REGISTERED, Topics.Names.WEATHER_READINGS,
			Topics.Names.TRANSACTIONS_RECORDED, Topics.Names.TRANSACTIONS_FRAUD_ALERTS, Topics.Names.WEATHER_ALERTS,
			Topics.Names.GATEWAY_REQUESTS);

	/** What weather-ingest-service accepts as a station id; anything else is refused before it reaches a URL. */
	private static final Pattern STATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final LiveFeed feed;

	private final AlertStreams streams;

	private final PlatformApi api;

	private final OffsetTrends trends;

	private final JsonMapper json;

	private final int keep;

	LiveController(LiveFeed feed, AlertStreams streams, PlatformApi api, OffsetTrends trends, JsonMapper json,
			LiveProperties properties) {
		this.keep = properties.alerts();
		this.feed = feed;
		this.streams = streams;
		this.api = api;
		this.trends = trends;
		this.json = json;
	}

	@GetMapping("/live")
	String live(Model model, Authentication person) {
		boolean masked = !Roles.seesPersonalData(person);
		List<FraudAlert> alerts = feed.alerts();
		model.addAttribute("alerts", alerts.stream().map(alert -> AlertView.of(alert, feed, masked)).toList());
		model.addAttribute("after", alerts.isEmpty() ? 0 : alerts.get(0).sequence());
		model.addAttribute("stations", feed.stations());
		model.addAttribute("keep", keep);
		return "live";
	}

	/**
	 * The alerts after {@code after} (the newest the page shows), then each new one as it arrives. A browser that
	 * reconnects sends the last id it got as {@code Last-Event-ID}, which wins.
	 */
	@GetMapping(path = "/live/fraud-alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestParam(defaultValue = "0") long after,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
			Authentication person) {
		long from = after;
		if (lastEventId != null) {
			try {
				from = Long.parseLong(lastEventId.strip());
			}
			catch (NumberFormatException ex) {
				// Not one of ours (another instance's stream, a hand-made request): from "after".
			}
		}
		return streams.open(from, !Roles.seesPersonalData(person));
	}

	@ExceptionHandler(AlertStreams.TooManyStreams.class)
	ResponseEntity<ProblemDetail> tooManyStreams(AlertStreams.TooManyStreams ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()));
	}

	/** The text box: any station id, then its page. */
	@GetMapping("/live/stations")
	RedirectView askForStation(@RequestParam String stationId) {
		String station = validStation(stationId.strip());
		return new RedirectView(UriComponentsBuilder.fromPath("/live/stations/{id}").buildAndExpand(station).encode()
			.toUriString(), true);
	}

	@GetMapping("/live/stations/{stationId}")
	String station(@PathVariable String stationId, Model model) throws Exception {
		String station = validStation(stationId);
		model.addAttribute("stationId", station);
		model.addAttribute("stations", feed.stations());
		JsonNode answer;
		try {
			answer = api.get("/api/analytics/stations/" + station + "?hours=24");
		}
		catch (ServiceCallFailed ex) {
			if (ex.getCause() instanceof RestClientResponseException response && response.getStatusCode().value() == 404) {
				model.addAttribute("known", false);
				return "live-station";
			}
			throw new PageProblem(HttpStatus.BAD_GATEWAY, "The station could not be read: " + ex.getMessage());
		}
		model.addAttribute("known", true);
		JsonNode latest = answer.path("latest");
		model.addAttribute("latest", latest.isObject() ? new Reading(latest.path("observedAt").asString(""),
				latest.path("temperatureCelsius").asDouble(), latest.path("humidityPercent").asDouble(),
				latest.path("pressureHpa").isNumber() ? latest.path("pressureHpa").asDouble() : null) : null);
		List<Hour> hours = new ArrayList<>();
		for (JsonNode hour : answer.path("hours")) {
			JsonNode temperature = hour.path("temperatureCelsius");
			JsonNode humidity = hour.path("humidityPercent");
			hours.add(new Hour(Instant.parse(hour.path("start").asString()), hour.path("count").asLong(),
					temperature.path("min").asDouble(), temperature.path("mean").asDouble(),
					temperature.path("max").asDouble(), humidity.path("min").asDouble(),
					humidity.path("mean").asDouble(), humidity.path("max").asDouble()));
		}
		hours.sort(Comparator.comparing(Hour::start));
		model.addAttribute("hours", hours);
		model.addAttribute("chart", json.writeValueAsString(chart(hours)));
		return "live-station";
	}

	/** One reading as the page shows it. */
	record Reading(String observedAt, double temperatureCelsius, double humidityPercent, @Nullable Double pressureHpa) {
	}

	/** One hour's statistics. */
	record Hour(Instant start, long count, double temperatureMin, double temperatureMean, double temperatureMax,
			double humidityMin, double humidityMean, double humidityMax) {
	}

	/** uPlot's columns: times, then temperature min/mean/max and humidity min/mean/max. */
	private static Map<String, List<? extends Number>> chart(List<Hour> hours) {
		Map<String, List<? extends Number>> chart = new LinkedHashMap<>();
		chart.put("times", hours.stream().map(hour -> hour.start().getEpochSecond()).toList());
		chart.put("temperatureMin", hours.stream().map(Hour::temperatureMin).toList());
		chart.put("temperatureMean", hours.stream().map(Hour::temperatureMean).toList());
		chart.put("temperatureMax", hours.stream().map(Hour::temperatureMax).toList());
		chart.put("humidityMin", hours.stream().map(Hour::humidityMin).toList());
		chart.put("humidityMean", hours.stream().map(Hour::humidityMean).toList());
		chart.put("humidityMax", hours.stream().map(Hour::humidityMax).toList());
		return chart;
	}

	private static String validStation(String stationId) {
		if (!STATION_ID.matcher(stationId).matches()) {
			throw new PageProblem(HttpStatus.BAD_REQUEST,
					"The field stationId may only contain letters, digits, '.', '_' and '-' (at most 64)");
		}
		return stationId;
	}

	/** Registrations per country, most first, as bars; the page asks every few seconds. */
	@GetMapping("/live/registrations")
	String registrations(Model model) {
		JsonNode counts;
		try {
			counts = api.get("/api/analytics/registrations");
		}
		catch (ServiceCallFailed ex) {
			model.addAttribute("registrationsProblem", ex.getMessage());
			return "live :: registrations";
		}
		List<Country> countries = new ArrayList<>();
		counts.path("byCountry").properties().forEach(entry -> countries.add(new Country(entry.getKey(), entry.getValue().asLong())));
		countries.sort(Comparator.comparingLong(Country::count).reversed().thenComparing(Country::country));
		long most = countries.stream().mapToLong(Country::count).max().orElse(1);
		model.addAttribute("total", counts.path("total").asLong());
		model.addAttribute("countries", countries.stream()
			.map(country -> new Bar(country.country(), country.count(), Math.max(1, Math.round(100.0 * country.count() / Math.max(1, most)))))
			.toList());
		return "live :: registrations";
	}

	private record Country(String country, long count) {
	}

	/** @param percent the bar's width against the country with most registrations */
	record Bar(String country, long count, long percent) {
	}

	/** Events per minute of each platform topic, from the end offsets the console samples anyway. */
	@GetMapping("/live/events")
	String events(Model model) throws Exception {
		Map<String, Series> rates = new LinkedHashMap<>();
		TOPICS.forEach(topic -> rates.put(topic, trends.produceRate(topic)));
		model.addAttribute("topics", rates.entrySet()
			.stream()
			.map(entry -> new TopicRate(entry.getKey(), Math.round(entry.getValue().latest() * 60)))
			.toList());
		model.addAttribute("eventsChart", json.writeValueAsString(perMinute(rates)));
		return "live :: events";
	}

	/** @param perMinute events a minute at the newest sample (the rate between the last two samples) */
	record TopicRate(String topic, long perMinute) {
	}

	/** uPlot's columns: the sample times of all topics, then each topic's events a minute ({@code null} if unknown). */
	static Map<String, Object> perMinute(Map<String, Series> rates) {
		TreeSet<Long> times = new TreeSet<>();
		rates.values().forEach(series -> times.addAll(series.times()));
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("times", List.copyOf(times));
		Map<String, List<@Nullable Long>> series = new LinkedHashMap<>();
		rates.forEach((topic, rate) -> {
			Map<Long, Long> byTime = new TreeMap<>();
			for (int i = 0; i < rate.times().size(); i++) {
				byTime.put(rate.times().get(i), Math.round(rate.values().get(i) * 60));
			}
			List<@Nullable Long> values = new ArrayList<>();
			times.forEach(time -> values.add(byTime.get(time)));
			series.put(topic, values);
		});
		chart.put("series", series);
		return chart;
	}
}
