package io.eventplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eventplatform.local.monitoring.LocalMonitoring;

/**
 * Local monitoring as {@code ./run.sh} starts it, with the real Prometheus and Alertmanager of Debian's packages: the
 * broker's JMX exporter agent and the Kafka groups and readiness exporter are scraped and give the series the rules select (lag
 * and members as the broker sees them), the rules {@code k8s/} deploys are loaded, and an alert that fires reaches
 * the operations address as a mail in the local SMTP server. Skipped without the packages, unless
 * {@code -Dmonitoring.tools.required=true} (CI).
 */
class LocalMonitoringIntegrationTests {

	private static final Path PROJECT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path data;

	LocalPlatform platform;

	@AfterEach
	void stop() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void scrapesTheBrokersViewAndMailsAFiringAlertToTheOperationsAddress() throws Exception {
		// Given the infrastructure with monitoring, as ./run.sh starts it
		requireInstalled();
		assertThat(PROJECT.resolve(PlatformParts.JMX_EXPORTER_AGENT)).as("copied by the build").isRegularFile();
		PlatformSettings settings = PlatformSettings.onFreePorts(PROJECT, data).withMonitoring(true);
		List<Part> infrastructure = PlatformParts.of(settings)
			.stream()
			.filter(part -> part.stage() == Part.Stage.INFRASTRUCTURE)
			.toList();
		assertThat(infrastructure).extracting(Part::name)
			.contains("kafka-broker", "mail-server", "kafka-groups-and-readiness-exporter", "prometheus", "alertmanager");
		platform = LocalPlatform.start(settings, infrastructure,
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Clock.systemUTC());
		int prometheus = settings.monitoring().prometheus();

		// When a group commits 2 of 5 records and leaves, and one record is dead-lettered
		String bootstrap = settings.kafka().bootstrapServers();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(List.of(new NewTopic("orders", 1, (short) 1), new NewTopic("orders-dlt", 1, (short) 1)))
				.all()
				.get();
		}
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
				new StringSerializer())) {
			for (int i = 0; i < 5; i++) {
				producer.send(new ProducerRecord<>("orders", "k", "v" + i)).get();
			}
		}
		Properties consumer = new Properties();
		consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "orders-consumer");
		try (KafkaConsumer<String, String> orders = new KafkaConsumer<>(consumer, new StringDeserializer(),
				new StringDeserializer())) {
			orders.commitSync(Map.of(new TopicPartition("orders", 0), new OffsetAndMetadata(2)));
		}
		// After a first scrape saw the dead-letter topic empty, so that the increase is seen.
		await().atMost(Duration.ofSeconds(60))
			.until(() -> query(prometheus, "kafka_topic_partition_current_offset{topic=\"orders-dlt\"}").contains("\"0\""));
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("orders-dlt", "k", "not an order")).get();
		}

		// Then Prometheus has the broker's view (lag 3, nobody in the group), the broker's JMX metrics, the rules ...
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(query(prometheus, "kafka_consumergroup_lag{namespace=\"event-platform\", consumergroup=\"orders-consumer\", topic=\"orders\"}"))
				.contains("\"3\"");
			assertThat(query(prometheus, "kafka_consumergroup_members{namespace=\"event-platform\", consumergroup=\"orders-consumer\"}"))
				.contains("\"0\"");
			assertThat(query(prometheus, "kafka_server_replicamanager_underreplicatedpartitions{namespace=\"event-platform\"}"))
				.contains("\"0\"");
			assertThat(query(prometheus, "kafka_controller_kafkacontroller_offlinepartitionscount{namespace=\"event-platform\"}"))
				.contains("\"0\"");
			// No application runs here: each reported not ready, under kube-state-metrics' name and labels.
			assertThat(query(prometheus, "kube_pod_container_status_ready{namespace=\"event-platform\", pod=\"gateway\", container=\"gateway\"}"))
				.contains("\"0\"");
		});
		assertThat(get(prometheus, "/api/v1/rules")).contains("\"KafkaConsumerLagGrowing\"", "\"FraudAlertRateSpike\"");
		// ... and the dead letter's alert reaches the operations address through the local SMTP server.
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(
				get(settings.mailApiPort(), "/messages?to=" + LocalMonitoring.OPERATIONS_ADDRESS))
			.contains("DeadLettersArriving")
			.contains("orders-dlt"));
	}

	private String query(int port, String promql) throws Exception {
		return get(port, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
	}

	private String get(int port, String path) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static void requireInstalled() {
		if (LocalMonitoring.prometheusBinary().isPresent() && LocalMonitoring.alertmanagerBinary().isPresent()) {
			return;
		}
		String missing = "Prometheus or Alertmanager is not installed, so local monitoring was not tested: "
				+ "apt-get install prometheus prometheus-alertmanager";
		if (Boolean.getBoolean("monitoring.tools.required")) {
			fail(missing + " (monitoring.tools.required=true)");
		}
		abort(missing);
	}
}
