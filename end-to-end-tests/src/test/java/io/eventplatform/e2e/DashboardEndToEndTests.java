package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.local.LocalPlatform;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana dashboard shows data: after traffic through the gateway (users, transactions with a fraud alert, weather
 * readings with a weather alert, a record that is dead-lettered), every panel's query, run against the platform's
 * local Prometheus with the dashboard's variables filled in as Grafana would, returns at least one series with a
 * value. Skipped where Prometheus is not installed, unless {@code -Dmonitoring.tools.required=true} (CI).
 */
@ExtendWith(Platform.class)
@Order(46)
class DashboardEndToEndTests {

	private static final Path DASHBOARD = Path.of(System.getProperty("project.root", ".."),
			"k8s/base/monitoring/dashboards/event-platform.json");

	/** What Grafana puts in for $__rate_interval: well above four scrape intervals (10 s locally). */
	private static final String RATE_INTERVAL = "2m";

	@Test
	void everyPanelOfTheDashboardShowsDataAfterTraffic() throws Exception {
		// Given the platform with its Prometheus, and traffic of every kind the dashboard shows
		LocalPlatform platform = Platform.get();
		if (!platform.settings().monitoring().enabled()) {
			String missing = "Prometheus is not installed, so the dashboard's queries were not run: "
					+ "apt-get install prometheus prometheus-alertmanager";
			if (Boolean.getBoolean("monitoring.tools.required")) {
				fail(missing + " (monitoring.tools.required=true)");
			}
			abort(missing);
		}
		Map<String, List<String>> panels = panelQueries();
		assertThat(panels).hasSizeGreaterThan(8);

		// When traffic keeps coming (a series is born with its first count, so a rate needs the counts after it) and
		// every query is run; then each panel has a series with a value
		try {
			awaitDataInEveryPanel(platform, panels);
		}
		finally {
			HttpResponse<String> targets = Platform.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
					+ platform.settings().monitoring().prometheus() + "/api/v1/targets")).build());
			System.out.println("Prometheus targets: " + targets.body());
		}
	}

	/**
	 * The metrics the alert rules take from elsewhere than service-support's own (which MonitoredMetricsAreExportedTests
	 * checks against a scrape): the broker's view of groups and topics, the broker's JMX metrics, analytics-service's
	 * Kafka Streams client metrics, the outbox's age, and each application's readiness.
	 */
	@Test
	void everyMetricTheAlertsTakeFromTheBrokerAndKafkaStreamsIsInPrometheus() throws Exception {
		LocalPlatform platform = Platform.get();
		if (!platform.settings().monitoring().enabled()) {
			abort("Prometheus is not installed (see everyPanelOfTheDashboardShowsDataAfterTraffic)");
		}
		// A group's lag exists once it has committed an offset, i.e. consumed something.
		sendTraffic(platform);
		List<String> metrics = List.of("kafka_consumergroup_lag", "kafka_consumergroup_members",
				"kafka_topic_partition_current_offset", "kafka_server_replicamanager_underreplicatedpartitions",
				"kafka_controller_kafkacontroller_offlinepartitionscount", "kafka_stream_alive_stream_threads",
				"kafka_stream_failed_stream_threads_total", "kafka_stream_thread_process_total",
				"platform_outbox_oldest_age_seconds", "kube_pod_container_status_ready");
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
			List<String> missing = new ArrayList<>();
			for (String metric : metrics) {
				if (!hasValue(query(platform, metric + "{namespace=\"event-platform\"}"))) {
					missing.add(metric);
				}
			}
			assertThat(missing).as("metrics the alert rules select, not in the local Prometheus").isEmpty();
			// Every application ready, as the ServiceNotReady rule reads it locally.
			assertThat(query(platform, "count(kube_pod_container_status_ready{namespace=\"event-platform\", "
					+ "container=~\"gateway|.+-service\"} == 1)").toString()).contains("\"7\"");
		});
	}

	private static void awaitDataInEveryPanel(LocalPlatform platform, Map<String, List<String>> panels) {
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(10)).untilAsserted(() -> {
			sendTraffic(platform);
			List<String> empty = new ArrayList<>();
			for (Map.Entry<String, List<String>> panel : panels.entrySet()) {
				boolean data = false;
				for (String expr : panel.getValue()) {
					data |= hasValue(query(platform, expr));
				}
				if (!data) {
					empty.add(panel.getKey() + " " + panel.getValue());
				}
			}
			assertThat(empty).as("panels without data").isEmpty();
		});
	}

	/** Each panel's title with its queries, the dashboard's variables filled in. */
	private static Map<String, List<String>> panelQueries() throws Exception {
		JsonNode dashboard = Platform.json.readTree(DASHBOARD.toFile());
		Map<String, List<String>> panels = new LinkedHashMap<>();
		for (JsonNode panel : dashboard.get("panels")) {
			List<String> queries = new ArrayList<>();
			for (JsonNode target : panel.path("targets")) {
				queries.add(target.get("expr")
					.asString()
					.replace("$namespace", "event-platform")
					.replace("$__rate_interval", RATE_INTERVAL));
			}
			if (!queries.isEmpty()) {
				panels.put(panel.get("title").asString(), queries);
			}
		}
		return panels;
	}

	private static void sendTraffic(LocalPlatform platform) throws Exception {
		// Users, transactions and readings of their own each time (ids from a random suffix).
		String token = Platform.token("demo-client", "demo-secret");
		String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 3; i++) {
			assertThat(Platform.post("/api/users", """
					{"email":"dash-%s-%d@example.com","displayName":"Dash %d","country":"GB"}""".formatted(suffix, i, i),
					null, token).statusCode()).isEqualTo(201);
		}
		// Above the fraud threshold of 10000: a fraud alert.
		for (String amount : List.of("12.50", "12500.00")) {
			assertThat(Platform.post("/api/transactions", """
					{"accountId":"ACC-DASH-%s","amount":"%s","currency":"EUR","direction":"DEBIT","merchant":"Shop",
					 "merchantCountry":"NL","occurredAt":"%s"}""".formatted(suffix, amount, now),
					UUID.randomUUID().toString(), token).statusCode()).isEqualTo(201);
		}
		// A calm station, and one above the weather limit of 50 °C: a weather alert (its first reading, as a
		// reading that is not newer than the station's latest raises nothing).
		for (String station : List.of("calm", "hot")) {
			assertThat(Platform.post("/api/weather/readings", """
					{"stationId":"dash-%s-%s","observedAt":"%s","temperatureCelsius":%s,"humidityPercent":40}"""
				.formatted(station, suffix, now, station.equals("hot") ? "56.5" : "21.0"), null, token).statusCode())
				.isEqualTo(202);
		}
		// Not an event: its consumers set it aside on users.registered-dlt.
		try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			raw.send(new ProducerRecord<>("users.registered", "not-json".getBytes(StandardCharsets.UTF_8))).get();
		}
	}

	private static JsonNode query(LocalPlatform platform, String promql) {
		URI uri = URI.create("http://127.0.0.1:" + platform.settings().monitoring().prometheus() + "/api/v1/query?query="
				+ URLEncoder.encode(promql, StandardCharsets.UTF_8));
		HttpResponse<String> response = Platform.send(HttpRequest.newBuilder(uri).build());
		assertThat(response.statusCode()).as(promql + ": " + response.body()).isEqualTo(200);
		return Platform.json.readTree(response.body());
	}

	/** A series whose value is a number (histogram_quantile of no requests gives NaN: no data in Grafana either). */
	private static boolean hasValue(JsonNode answer) {
		for (JsonNode series : answer.path("data").path("result")) {
			String value = series.path("value").path(1).asString();
			if (!value.equals("NaN") && !value.isEmpty()) {
				return true;
			}
		}
		return false;
	}

}
