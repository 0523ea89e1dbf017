package io.eventplatform.local.monitoring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.eventplatform.local.process.ChildArguments;
import io.eventplatform.local.process.JavaCommand;
import io.eventplatform.local.process.ParentWatchdog;

/**
 * The brokers' view of consumer groups and topics for the local Prometheus, under the metric names of the Kafka
 * Exporter that Strimzi runs in Kubernetes, so that one set of rules serves both: {@code kafka_consumergroup_lag}
 * (log-end offset minus the group's committed offset, per partition), {@code kafka_consumergroup_current_offset},
 * {@code kafka_consumergroup_members}, {@code kafka_topic_partition_current_offset} and {@code kafka_brokers}.
 * Computed from the brokers' answers (Kafka's Admin API) at each scrape, so a group's lag stays visible, and keeps
 * growing, when its consumer is dead; the consumers' own lag metrics die with them. Hand-written because the Kafka
 * Exporter is a Go program that no package here ships.
 * <p>
 * It also stands in for kube-state-metrics' {@code kube_pod_container_status_ready}: each application's readiness
 * endpoint (on its management port) asked at every scrape, as the kubelet would, so that the ServiceNotReady rule
 * holds locally too.
 */
public final class KafkaGroupsAndReadinessExporter implements MultiCollector, AutoCloseable {

	private static final List<String> JVM_OPTIONS = List.of("-Xms16m", "-Xmx64m", "-XX:+UseSerialGC", "-Xss512k",
			"-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=io/eventplatform/local/child-logback.xml");

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final Admin admin;

	/** Each application's name and management port. */
	private final Map<String, Integer> readiness;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private KafkaGroupsAndReadinessExporter(String bootstrapServers, Map<String, Integer> readiness) {
		this.readiness = Map.copyOf(readiness);
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-kafka-groups-and-readiness-exporter");
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.admin = Admin.create(properties);
	}

	/**
	 * The command that runs the exporter as a process of its own, on loopback.
	 * @param readiness each application's name and management port, whose readiness it reports
	 */
	public static List<String> command(int port, String bootstrapServers, Map<String, Integer> readiness) {
		String applications = readiness.entrySet()
			.stream()
			.map(application -> application.getKey() + ":" + application.getValue())
			.collect(Collectors.joining(","));
		return JavaCommand.mainClass(JVM_OPTIONS, KafkaGroupsAndReadinessExporter.class, List.of("--port=" + port,
				"--bootstrap-servers=" + bootstrapServers, "--readiness=" + applications,
				ParentWatchdog.optionForCurrentProcess()));
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		ChildArguments arguments = ChildArguments.parse(args);
		ParentWatchdog.exitWhenParentEnds(arguments);
		Map<String, Integer> readiness = new LinkedHashMap<>();
		for (String application : arguments.required("readiness").split(",")) {
			if (!application.isBlank()) {
				int colon = application.lastIndexOf(':');
				readiness.put(application.substring(0, colon), Integer.parseInt(application.substring(colon + 1)));
			}
		}
		try (Running running = start(arguments.requiredPort("port"), arguments.required("bootstrap-servers"),
				readiness)) {
			System.out.println("Kafka groups and readiness exporter on http://127.0.0.1:" + arguments.requiredPort("port") + "/metrics");
			Thread.currentThread().join();
		}
	}

	/** Serves {@code /metrics} on {@code 127.0.0.1:port} until closed. */
	public static Running start(int port, String bootstrapServers, Map<String, Integer> readiness) throws IOException {
		KafkaGroupsAndReadinessExporter exporter = new KafkaGroupsAndReadinessExporter(bootstrapServers, readiness);
		PrometheusRegistry registry = new PrometheusRegistry();
		registry.register(exporter);
		HTTPServer server = HTTPServer.builder().hostname("127.0.0.1").port(port).registry(registry).buildAndStart();
		return new Running(server, exporter);
	}

	/** The exporter serving; closing it stops the server and the admin client. */
	public record Running(HTTPServer server, KafkaGroupsAndReadinessExporter exporter) implements AutoCloseable {

		@Override
		public void close() {
			server.close();
			exporter.close();
		}
	}

	@Override
	public MetricSnapshots collect() {
		List<MetricSnapshot> snapshots = new ArrayList<>();
		snapshots.add(readiness());
		try {
			snapshots.addAll(kafkaSnapshots());
		}
		catch (ExecutionException | TimeoutException ex) {
			// The broker is away: no series, as the Kafka Exporter; Prometheus' staleness ends the old ones.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return new MetricSnapshots(snapshots);
	}

	/** 1 for an application whose readiness endpoint answers 200 within 2 s, else 0. */
	private MetricSnapshot readiness() {
		GaugeSnapshot.Builder ready = gauge("kube_pod_container_status_ready",
				"Whether the application's readiness endpoint answers 200 (kube-state-metrics' name)");
		readiness.forEach((application, port) -> {
			boolean up;
			try {
				up = http.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				up = false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				up = false;
			}
			ready.dataPoint(point(up ? 1 : 0, "pod", application, "container", application));
		});
		return ready.build();
	}

	private List<MetricSnapshot> kafkaSnapshots() throws ExecutionException, InterruptedException, TimeoutException {
		int brokers = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
		Set<String> topics = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		Map<String, TopicDescription> described = admin.describeTopics(topics)
			.allTopicNames()
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		described.values()
			.forEach(topic -> topic.partitions()
				.forEach(partition -> latest.put(new TopicPartition(topic.name(), partition.partition()),
						OffsetSpec.latest())));
		Map<TopicPartition, ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
				: admin.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

		List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups())
			.all()
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.stream()
			.map(GroupListing::groupId)
			.sorted()
			.toList();
		Map<String, ConsumerGroupDescription> descriptions = groups.isEmpty() ? Map.of()
				: admin.describeConsumerGroups(groups).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
		groups.forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
		Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = groups.isEmpty() ? Map.of()
				: admin.listConsumerGroupOffsets(specs).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

		GaugeSnapshot.Builder partitionOffsets = gauge("kafka_topic_partition_current_offset",
				"Current Offset of a Broker at Topic/Partition");
		ends.forEach((partition, end) -> partitionOffsets.dataPoint(point(end.offset(), "topic", partition.topic(),
				"partition", Integer.toString(partition.partition()))));
		GaugeSnapshot.Builder members = gauge("kafka_consumergroup_members", "Amount of members in a consumer group");
		GaugeSnapshot.Builder currentOffsets = gauge("kafka_consumergroup_current_offset",
				"Current Offset of a ConsumerGroup at Topic/Partition");
		GaugeSnapshot.Builder lags = gauge("kafka_consumergroup_lag",
				"Current Approximate Lag of a ConsumerGroup at Topic/Partition");
		for (String group : groups) {
			ConsumerGroupDescription description = descriptions.get(group);
			members.dataPoint(point(description == null ? 0 : description.members().size(), "consumergroup", group));
			Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(group, Map.of());
			offsets.forEach((partition, offset) -> {
				ListOffsetsResultInfo end = ends.get(partition);
				if (offset == null || end == null) {
					return;
				}
				String[] labels = { "consumergroup", group, "topic", partition.topic(), "partition",
						Integer.toString(partition.partition()) };
				currentOffsets.dataPoint(point(offset.offset(), labels));
				lags.dataPoint(point(Math.max(0, end.offset() - offset.offset()), labels));
			});
		}
		List<MetricSnapshot> snapshots = new ArrayList<>();
		snapshots.add(gauge("kafka_brokers", "Number of Brokers in the Kafka Cluster").dataPoint(point(brokers)).build());
		snapshots.add(partitionOffsets.build());
		snapshots.add(members.build());
		snapshots.add(currentOffsets.build());
		snapshots.add(lags.build());
		return snapshots;
	}

	private static GaugeSnapshot.Builder gauge(String name, String help) {
		return GaugeSnapshot.builder().name(name).help(help);
	}

	private static GaugeDataPointSnapshot point(double value, String... labels) {
		return GaugeDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build();
	}

	@Override
	public void close() {
		admin.close(Duration.ofSeconds(2));
	}
}
