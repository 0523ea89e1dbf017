package io.eventplatform.console.metrics;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prometheus' HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range}) with short timeouts. Hand-written: the
 * two calls and the result shapes the console reads are a few lines, less than a client library's dependencies.
 */
@Component
public class PrometheusClient {

	private final @Nullable URI base;

	private final RestClient http;

	private final JsonMapper json;

	private final Duration timeout;

	public PrometheusClient(PrometheusProperties properties, JsonMapper json) {
		this.base = properties.prometheusUri();
		var requests = new JdkClientHttpRequestFactory(
				java.net.http.HttpClient.newBuilder().connectTimeout(properties.prometheusTimeout()).build());
		requests.setReadTimeout(properties.prometheusTimeout());
		this.http = RestClient.builder().requestFactory(requests).build();
		this.json = json;
		this.timeout = properties.prometheusTimeout();
	}

	/** Whether a Prometheus was configured at all. */
	public boolean configured() {
		return base != null;
	}

	/** Where Prometheus is, for the page to name; empty when none is configured. */
	public String address() {
		return base == null ? "" : base.toString();
	}

	/** An instant query: one value per series. */
	public List<Sample> query(String promql) {
		JsonNode result = call("/api/v1/query", Map.of("query", promql));
		List<Sample> samples = new ArrayList<>();
		for (JsonNode series : result) {
			samples.add(new Sample(labels(series), number(series.path("value").path(1))));
		}
		return samples;
	}

	/** A range query: each series' values at every {@code step} between {@code start} and {@code end}. */
	public List<Range> queryRange(String promql, Instant start, Instant end, Duration step) {
		JsonNode result = call("/api/v1/query_range", Map.of("query", promql, "start",
				String.valueOf(start.getEpochSecond()), "end", String.valueOf(end.getEpochSecond()), "step",
				step.toSeconds() + "s"));
		List<Range> ranges = new ArrayList<>();
		for (JsonNode series : result) {
			List<Long> times = new ArrayList<>();
			List<Double> values = new ArrayList<>();
			for (JsonNode point : series.path("values")) {
				times.add((long) point.path(0).asDouble());
				values.add(number(point.path(1)));
			}
			ranges.add(new Range(labels(series), times, values));
		}
		return ranges;
	}

	private JsonNode call(String path, Map<String, String> parameters) {
		URI prometheus = base;
		if (prometheus == null) {
			throw new PrometheusUnavailableException("No Prometheus is configured (platform.console.prometheus-uri)");
		}
		UriComponentsBuilder uri = UriComponentsBuilder.fromUri(prometheus).path(path);
		parameters.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
		String body;
		try {
			body = http.get().uri(uri.encode().buildAndExpand(parameters).toUri()).retrieve().body(String.class);
		}
		catch (RestClientResponseException ex) {
			throw new PrometheusUnavailableException(
					"Prometheus at " + prometheus + " answered HTTP " + ex.getStatusCode().value(), ex);
		}
		catch (RestClientException ex) {
			throw new PrometheusUnavailableException("Prometheus at " + prometheus + " did not answer ("
					+ (timedOut(ex) ? "no answer within " + timeout.toMillis() + " ms" : "could not connect") + ")", ex);
		}
		try {
			JsonNode answer = json.readTree(body == null ? "" : body);
			if (!"success".equals(answer.path("status").asString(""))) {
				throw new PrometheusUnavailableException("Prometheus at " + prometheus + " refused a query: "
						+ answer.path("error").asString("no reason given"));
			}
			return answer.path("data").path("result");
		}
		catch (JacksonException ex) {
			throw new PrometheusUnavailableException("Prometheus at " + prometheus + " answered no JSON", ex);
		}
	}

	private static Map<String, String> labels(JsonNode series) {
		Map<String, String> labels = new LinkedHashMap<>();
		series.path("metric").properties().forEach(label -> labels.put(label.getKey(), label.getValue().asString()));
		return labels;
	}

	/** Prometheus writes sample values as strings, NaN and ±Inf included. */
	private static double number(JsonNode value) {
		try {
			return Double.parseDouble(value.asString("NaN"));
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private static boolean timedOut(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.net.http.HttpTimeoutException || cause instanceof java.net.SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	/** One series of an instant query. */
	public record Sample(Map<String, String> labels, double value) {

		public String label(String name) {
			return labels.getOrDefault(name, "");
		}
	}

	/** One series of a range query, in the shape the console's charts take. */
	public record Range(Map<String, String> labels, List<Long> times, List<Double> values) {
	}

	/** Prometheus is not configured, does not answer in time, or refuses the query. */
	public static class PrometheusUnavailableException extends RuntimeException {

		PrometheusUnavailableException(String message) {
			super(message);
		}

		PrometheusUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
