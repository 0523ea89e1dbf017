package io.eventplatform.console.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.eventplatform.console.metrics.PrometheusClient.PrometheusUnavailableException;
import io.eventplatform.console.metrics.PrometheusClient.Sample;
import io.eventplatform.console.trend.Series;

/**
 * The key panels of the Grafana dashboard, read from the platform's Prometheus for the console's metrics page: events
 * in per topic, end-to-end event latency per topic, HTTP latency and error share per application, listener errors and
 * publish failures. The same series the dashboard and the alert rules use; rates over the last 5 minutes.
 */
@Component
class PlatformMetrics {

	private static final Logger log = LoggerFactory.getLogger(PlatformMetrics.class);

	static final String WINDOW = "[5m]";

	/** The platform's topics and their dead letters: not Kafka's own, nor Kafka Streams' changelogs and repartitions. */
	static final String EVENTS_IN = "sum by (topic) (rate(kafka_topic_partition_current_offset"
			+ "{topic!~\"__.*|.+-changelog|.+-repartition\"}"
			+ WINDOW + "))";

	static final String END_TO_END_BUCKETS = "sum by (topic, le) (rate(platform_events_end_to_end_seconds_bucket"
			+ WINDOW + "))";

	static final String HTTP_BUCKETS = "sum by (application, le) (rate(http_server_requests_seconds_bucket{uri!~\"/actuator.*\"}" + WINDOW
			+ "))";

	static final String HTTP_5XX_SHARE = "sum by (application) (rate(http_server_requests_seconds_count{status=~\"5..\", uri!~\"/actuator.*\"}"
			+ WINDOW + ")) / sum by (application) (rate(http_server_requests_seconds_count{uri!~\"/actuator.*\"}" + WINDOW + "))";

	static final String LISTENER_ERRORS = "sum by (application) (rate(spring_kafka_listener_seconds_count{error!=\"none\"}"
			+ WINDOW + "))";

	static final String PUBLISH_FAILURES = "sum by (application) (rate(platform_events_publish_failures_total"
			+ WINDOW + "))";

	/** How far back the end-to-end latency chart goes, and its resolution. */
	static final Duration CHART_SPAN = Duration.ofMinutes(30);

	static final Duration CHART_STEP = Duration.ofSeconds(30);

	private final PrometheusClient prometheus;

	private final Clock clock;

	PlatformMetrics(PrometheusClient prometheus, Clock clock) {
		this.prometheus = prometheus;
		this.clock = clock;
	}

	/** Everything the page shows, or why there is nothing to show. */
	Panels read() {
		if (!prometheus.configured()) {
			return Panels.unavailable("No Prometheus is configured for the console (platform.console.prometheus-uri), "
					+ "so there are no metrics to show. ./run.sh sets it when Prometheus is installed.");
		}
		try {
			Map<String, Double> eventsIn = byLabel(prometheus.query(EVENTS_IN), "topic");
			List<Latency> endToEnd = latencies(END_TO_END_BUCKETS, "topic");
			List<Latency> http = latencies(HTTP_BUCKETS, "application");
			Map<String, Double> errorShare = byLabel(prometheus.query(HTTP_5XX_SHARE), "application");
			Map<String, Double> listenerErrors = byLabel(prometheus.query(LISTENER_ERRORS), "application");
			Map<String, Double> publishFailures = byLabel(prometheus.query(PUBLISH_FAILURES), "application");
			TreeSet<String> applications = new TreeSet<>(errorShare.keySet());
			applications.addAll(listenerErrors.keySet());
			applications.addAll(publishFailures.keySet());
			List<Errors> errors = applications.stream()
				.map(application -> new Errors(application, errorShare.get(application),
						listenerErrors.get(application), publishFailures.get(application)))
				.toList();
			Instant now = clock.instant();
			Map<String, Series> chart = new LinkedHashMap<>();
			prometheus
				.queryRange("histogram_quantile(0.95, " + END_TO_END_BUCKETS + ")", now.minus(CHART_SPAN), now,
						CHART_STEP)
				.stream()
				.sorted(Comparator.comparing(range -> range.labels().getOrDefault("topic", "")))
				.forEach(range -> chart.put("e2e:" + range.labels().getOrDefault("topic", ""),
						new Series(range.times(), range.values().stream().map(PlatformMetrics::finiteOrZero).toList())));
			return new Panels(true, "", prometheus.address(), eventsIn, endToEnd, http, errors, chart);
		}
		catch (PrometheusUnavailableException ex) {
			log.warn("The metrics page has no metrics: {}", ex.getMessage());
			return Panels.unavailable(ex.getMessage() + ". The rest of the console works without it.");
		}
	}

	/** p50, p95 and p99 of a histogram, per value of {@code label}, from one query each. */
	private List<Latency> latencies(String buckets, String label) {
		Map<String, Double> p50 = byLabel(prometheus.query("histogram_quantile(0.5, " + buckets + ")"), label);
		Map<String, Double> p95 = byLabel(prometheus.query("histogram_quantile(0.95, " + buckets + ")"), label);
		Map<String, Double> p99 = byLabel(prometheus.query("histogram_quantile(0.99, " + buckets + ")"), label);
		return p50.keySet()
			.stream()
			.map(key -> new Latency(key, p50.get(key), p95.get(key), p99.get(key)))
			.toList();
	}

	/** Series by one label, sorted; NaN (no traffic in the window) stays out. */
	private static Map<String, Double> byLabel(List<Sample> samples, String label) {
		Map<String, Double> values = new TreeMap<>();
		for (Sample sample : samples) {
			if (Double.isFinite(sample.value())) {
				values.put(sample.label(label), sample.value());
			}
		}
		return values;
	}

	private static Double finiteOrZero(Double value) {
		return Double.isFinite(value) ? value : 0.0;
	}

	/**
	 * @param available whether Prometheus answered
	 * @param problem why there are no metrics, when not available
	 * @param source the Prometheus asked
	 * @param eventsIn records appended per second, per topic
	 * @param endToEnd event time to receipt by a listener, per topic
	 * @param http request latency per application
	 * @param errors per application
	 * @param chart the end-to-end p95 per topic over the last half hour, keyed {@code e2e:<topic>}
	 */
	record Panels(boolean available, String problem, String source, Map<String, Double> eventsIn,
			List<Latency> endToEnd, List<Latency> http, List<Errors> errors, Map<String, Series> chart) {

		static Panels unavailable(String problem) {
			return new Panels(false, problem, "", Map.of(), List.of(), List.of(), List.of(), Map.of());
		}
	}

	/** Latency percentiles in seconds; null where a percentile has no value. */
	record Latency(String name, @Nullable Double p50, @Nullable Double p95, @Nullable Double p99) {

		public String p50Millis() {
			return millis(p50);
		}

		public String p95Millis() {
			return millis(p95);
		}

		public String p99Millis() {
			return millis(p99);
		}

		private static String millis(@Nullable Double seconds) {
			return seconds == null ? "–" : Math.round(seconds * 1000) + " ms";
		}
	}

	/**
	 * @param application the application, by its {@code application} tag
	 * @param serverErrorShare HTTP 5xx among its requests (0..1); null without requests
	 * @param listenerErrorsPerSecond listener calls that failed
	 * @param publishFailuresPerSecond events it could not publish
	 */
	record Errors(String application, @Nullable Double serverErrorShare, @Nullable Double listenerErrorsPerSecond,
			@Nullable Double publishFailuresPerSecond) {

		public String serverErrorPercent() {
			return serverErrorShare == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", serverErrorShare * 100);
		}

		public String listenerErrors() {
			return perSecond(listenerErrorsPerSecond);
		}

		public String publishFailures() {
			return perSecond(publishFailuresPerSecond);
		}

		private static String perSecond(@Nullable Double rate) {
			return rate == null ? "–" : String.format(java.util.Locale.ROOT, "%.3f/s", rate);
		}
	}
}
