package io.eventplatform.k8s.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.contract.weather.WeatherReadingRecorded;
import io.eventplatform.support.kafka.EventPublisher;

/**
 * Every metric the Grafana dashboard and the Prometheus alert rules query, with every label they select on, is in a
 * real scrape of {@code /actuator/prometheus} on the management port (where Prometheus scrapes without a token),
 * after the service published, consumed, dead-lettered, failed to publish and answered HTTP, or is a counter or gauge
 * a service registers in its own code. Metrics that come from elsewhere are named here with their source.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=scraped-service", "management.server.port=0",
				"platform.kafka.produces=users.registered", "platform.kafka.consumes=users.registered",
				// A send to a topic that does not exist fails fast: the failure counter then exists too.
				"spring.kafka.producer.properties.max.block.ms=1000",
				"spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers",
		brokerProperties = "auto.create.topics.enable=false")
class MonitoredMetricsAreExportedTests {

	/**
	 * Not exported by a service built by service-support: kube-state-metrics' readiness, Prometheus' own ({@code up}),
	 * the brokers' view of groups and topics (Strimzi's Kafka Exporter in Kubernetes; locally local-platform's
	 * {@code KafkaGroupsAndReadinessExporter}, which also reports readiness), the brokers' JMX metrics (the JMX exporter with
	 * {@code k8s/base/kafka/kafka-metrics.yaml}) and analytics-service's Kafka Streams client metrics.
	 * DashboardEndToEndTests finds them all in the local Prometheus.
	 */
	private static final Set<String> FROM_ELSEWHERE = Set.of("kube_pod_container_status_ready", "up",
			"kafka_consumergroup_lag", "kafka_consumergroup_members", "kafka_topic_partition_current_offset",
			"kafka_server_replicamanager_underreplicatedpartitions", "kafka_controller_kafkacontroller_offlinepartitionscount",
			"kafka_stream_alive_stream_threads", "kafka_stream_failed_stream_threads_total",
			"kafka_stream_thread_process_total");

	/** Labels Prometheus adds to every scraped series (PodMonitor target labels). */
	private static final Set<String> TARGET_LABELS = Set.of("namespace", "pod", "container", "job", "instance",
			"endpoint", "service");

	private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");

	private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	EventPublisher publisher;

	@Autowired
	EmbeddedKafkaBroker broker;

	@LocalServerPort
	int serverPort;

	@LocalManagementPort
	int managementPort;

	@Test
	void shouldExportEveryMetricTheDashboardsAndAlertsQuery() throws Exception {
		Map<String, Set<String>> queried = queriedMetricsAndLabels();
		assertThat(queried).as("metrics queried by the dashboard and the rules").hasSizeGreaterThan(5);
		produceConsumeDeadLetterFailAndServe();

		Map<String, Set<String>> ofServices = declaredInServiceCode();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, Set<String>> scraped = new HashMap<>(ofServices);
			scrape().forEach((metric, labels) -> scraped.merge(metric, labels, (a, b) -> {
				Set<String> all = new HashSet<>(a);
				all.addAll(b);
				return all;
			}));
			List<String> missing = new ArrayList<>();
			queried.forEach((metric, labels) -> {
				// Names with colons are the rules' own recordings (level:metric:operations).
				if (FROM_ELSEWHERE.contains(metric) || metric.contains(":")) {
					return;
				}
				if (!scraped.containsKey(metric)) {
					missing.add(metric);
					return;
				}
				labels.stream()
					.filter(label -> !TARGET_LABELS.contains(label) && !scraped.get(metric).contains(label))
					.forEach(label -> missing.add(metric + "{" + label + "}"));
			});
			assertThat(missing).as("queried but not exported").isEmpty();
		});
	}

	private void produceConsumeDeadLetterFailAndServe() throws Exception {
		publisher.publish(publisher.newEvent(new UserRegistered(UUID.randomUUID(), "ada@example.com", "Ada", "GB", false)))
			.get(30, TimeUnit.SECONDS);
		try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			// Not an event: the consumer sends it to users.registered-dlt.
			raw.send(new ProducerRecord<>("users.registered", "not-json".getBytes(StandardCharsets.UTF_8))).get();
		}
		// weather.alerts does not exist on this broker and nothing may create it.
		assertThat(publisher.publish(publisher.newEvent(
				new WeatherReadingRecorded("station-1", Instant.now(), 7.5, 80, null)))).failsWithin(Duration.ofSeconds(30));
		assertThat(get(serverPort, "/api/nothing").statusCode()).isEqualTo(401);
	}

	/**
	 * The counters and gauges a service registers in its own code (e.g. notification-service's
	 * {@code platform.notifications}), which this generic service cannot export: their Prometheus names with their
	 * tags and the common {@code application} tag.
	 */
	private static Map<String, Set<String>> declaredInServiceCode() throws Exception {
		Pattern meter = Pattern.compile("(Counter|Gauge)\\.builder\\(\"([a-z0-9.]+)\"");
		Pattern tag = Pattern.compile("\\.tag\\(\"([a-z0-9_.]+)\"");
		Map<String, Set<String>> declared = new HashMap<>();
		Path root = Path.of(System.getProperty("repository.root", ".."));
		List<Path> sources;
		try (Stream<Path> modules = Files.list(root)) {
			sources = modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList();
		}
		for (Path moduleSources : sources) {
			List<Path> javaFiles;
			try (Stream<Path> files = Files.walk(moduleSources)) {
				javaFiles = files.filter(path -> path.toString().endsWith(".java")).toList();
			}
			for (Path file : javaFiles) {
				String source = Files.readString(file);
				Matcher found = meter.matcher(source);
				while (found.find()) {
					String name = found.group(2).replace('.', '_') + (found.group(1).equals("Counter") ? "_total" : "");
					Set<String> labels = declared.computeIfAbsent(name, metric -> new HashSet<>(Set.of("application")));
					int register = source.indexOf(".register(", found.end());
					String builder = source.substring(found.end(), register < 0 ? source.length() : register);
					Matcher tags = tag.matcher(builder);
					while (tags.find()) {
						labels.add(tags.group(1).replace('.', '_'));
					}
				}
			}
		}
		return declared;
	}

	/** Metric names with the label names of their selectors, from the dashboard JSON and the PrometheusRule. */
	private static Map<String, Set<String>> queriedMetricsAndLabels() throws Exception {
		List<String> expressions = new ArrayList<>();
		Path monitoring = Path.of(System.getProperty("repository.root", ".."), "k8s/base/monitoring");
		new ObjectMapper().readTree(monitoring.resolve("dashboards/event-platform.json").toFile())
			.findValues("expr")
			.forEach(expr -> expressions.add(expr.asText()));
		new ObjectMapper(new YAMLFactory()).readTree(monitoring.resolve("prometheusrules.yaml").toFile())
			.findValues("expr")
			.forEach(expr -> expressions.add(expr.asText()));

		Map<String, Set<String>> queried = new TreeMap<>();
		for (String expression : expressions) {
			Matcher selector = SELECTOR.matcher(expression);
			while (selector.find()) {
				Set<String> labels = queried.computeIfAbsent(selector.group(1), metric -> new TreeSet<>());
				Matcher matcher = MATCHER.matcher(selector.group(2));
				while (matcher.find()) {
					labels.add(matcher.group(1));
				}
			}
		}
		return queried;
	}

	/** Each sample name in the scrape with the label names it carries. */
	private Map<String, Set<String>> scrape() throws Exception {
		HttpResponse<String> response = get(managementPort, "/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Set<String>> samples = new HashMap<>();
		for (String line : response.body().split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int brace = line.indexOf('{');
			int space = line.indexOf(' ');
			String name = line.substring(0, brace > 0 && brace < space ? brace : space);
			Set<String> labels = samples.computeIfAbsent(name, metric -> new HashSet<>());
			if (brace > 0 && brace < space) {
				Matcher label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"").matcher(line.substring(brace));
				while (label.find()) {
					labels.add(label.group(1));
				}
			}
		}
		return samples;
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
