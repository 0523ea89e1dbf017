package io.eventplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * The Kafka settings the manifests give a service (ConfigMap {@code platform-config} and the Deployment's own
 * variables) connect for real: TLS to a broker whose certificate the mounted CA file vouches for, SCRAM-SHA-512 with
 * the JAAS line Strimzi writes into each KafkaUser's Secret. The broker is a real one (KRaft, in a JVM of its own)
 * with a {@code SASL_SSL} listener like Strimzi's; the variables go through Spring Boot's binding of environment
 * variables, as in a pod. Only the addresses differ: the broker's, and where the CA file lies.
 */
class KafkaSettingsConnectOverScramAndTlsTests {

	private static final String SERVICE = "analytics-service";

	private static final String PASSWORD = "s3cret-" + UUID.randomUUID();

	/** What Strimzi's User Operator writes under {@code sasl.jaas.config} in the user's Secret. */
	private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
			+ SERVICE + "\" password=\"%s\";";

	@TempDir
	static Path temp;

	private static Process broker;

	private static int port;

	@BeforeAll
	static void startABrokerWithAScramOverTlsListener() throws Exception {
		Path keystore = temp.resolve("broker.p12");
		keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=event-platform-kafka-bootstrap", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore",
				keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
		// The Secret event-platform-cluster-ca-cert holds the CA's certificate as PEM under ca.crt.
		keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", "changeit",
				"-file", temp.resolve("ca.crt").toString());

		port = freePort();
		int internalPort = freePort();
		int controllerPort = freePort();
		Map<String, String> config = new LinkedHashMap<>();
		config.put("process.roles", "broker,controller");
		config.put("node.id", "1");
		config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		config.put("listeners", "SASL_SSL://127.0.0.1:" + port + ",INTERNAL://127.0.0.1:" + internalPort
				+ ",CONTROLLER://127.0.0.1:" + controllerPort);
		config.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port + ",INTERNAL://127.0.0.1:" + internalPort);
		config.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
		config.put("controller.listener.names", "CONTROLLER");
		config.put("inter.broker.listener.name", "INTERNAL");
		config.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
		config.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
				"org.apache.kafka.common.security.scram.ScramLoginModule required;");
		config.put("ssl.keystore.type", "PKCS12");
		config.put("ssl.keystore.location", keystore.toString());
		config.put("ssl.keystore.password", "changeit");
		config.put("ssl.key.password", "changeit");
		config.put("log.dirs", temp.resolve("kafka-logs").toString());
		config.put("offsets.topic.replication.factor", "1");
		config.put("offsets.topic.num.partitions", "1");
		config.put("transaction.state.log.replication.factor", "1");
		config.put("transaction.state.log.min.isr", "1");
		config.put("group.initial.rebalance.delay.ms", "0");
		config.put("auto.create.topics.enable", "false");
		StringBuilder text = new StringBuilder();
		config.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
		Path properties = Files.writeString(temp.resolve("server.properties"), text);

		// SCRAM credentials live in the metadata log: written when the storage is formatted, as Strimzi's would be.
		int formatted = StorageTool.execute(new String[] { "format", "--cluster-id", Uuid.randomUuid().toString(),
				"--config", properties.toString(), "--add-scram",
				"SCRAM-SHA-512=[name=" + SERVICE + ",password=" + PASSWORD + "]" }, System.out);
		assertThat(formatted).as("kafka-storage format").isZero();

		broker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				"kafka.Kafka", properties.toString())
			.redirectErrorStream(true)
			.redirectOutput(temp.resolve("broker.log").toFile())
			.start();
		// Should this JVM be killed (a build cancelled), the broker must not outlive it.
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroyForcibly));
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.failFast("the broker exited; see its log", () -> !broker.isAlive())
			.until(() -> accepts(port));
		// The port was free when chosen: it is the broker that answers there, not something that took it meanwhile.
		assertThat(broker.isAlive()).as("the broker runs; see %s", temp.resolve("broker.log")).isTrue();
	}

	@AfterAll
	static void stopTheBroker() throws InterruptedException {
		if (broker != null) {
			broker.destroy();
			if (!broker.waitFor(30, TimeUnit.SECONDS)) {
				broker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void shouldCreateATopicProduceAndConsumeWithTheManifestsSettings() throws Exception {
		try (ConfigurableApplicationContext context = serviceContext(JAAS.formatted(PASSWORD))) {
			// Given
			String topic = "scram-tls-check";
			try (Admin admin = Admin.create(context.getBean(KafkaAdmin.class).getConfigurationProperties())) {
				admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
			}

			// When: with the clients' settings as Boot made them (the platform's event serialisers aside)
			Map<String, Object> producerSettings = context.getBean(ProducerFactory.class).getConfigurationProperties();
			try (Producer<String, String> producer = new KafkaProducer<>(producerSettings, new StringSerializer(),
					new StringSerializer())) {
				producer.send(new ProducerRecord<>(topic, "station-1", "a reading")).get(30, TimeUnit.SECONDS);
			}

			// Then
			Map<String, Object> consumerSettings = new HashMap<>(
					context.getBean(ConsumerFactory.class).getConfigurationProperties());
			consumerSettings.put(ConsumerConfig.GROUP_ID_CONFIG, "scram-tls-check");
			consumerSettings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			try (Consumer<String, String> consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(),
					new StringDeserializer())) {
				consumer.subscribe(List.of(topic));
				ConsumerRecord<String, String> record = KafkaTestUtils.getSingleRecord(consumer, topic,
						Duration.ofSeconds(30));
				assertThat(record.key()).isEqualTo("station-1");
				assertThat(record.value()).isEqualTo("a reading");
			}
		}
	}

	@Test
	void shouldBeRefusedWithAWrongPassword() {
		// The listener really authenticates: the same settings with another password get nowhere.
		try (ConfigurableApplicationContext context = serviceContext(JAAS.formatted("not-the-password"))) {
			try (Admin admin = Admin.create(context.getBean(KafkaAdmin.class).getConfigurationProperties())) {
				assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
					.hasCauseInstanceOf(SaslAuthenticationException.class);
			}
		}
	}

	/**
	 * A Spring Boot context with Kafka and SSL bundles configured from the variables the manifests give the service's
	 * container, bound from an environment property source as in the pod.
	 */
	private static ConfigurableApplicationContext serviceContext(String jaas) {
		Manifests manifests = Manifests.of(Manifests.BASE_FILES);
		Map<String, String> pod = Deployments.environment(manifests, manifests.get("Deployment", SERVICE));
		String caMount = Deployments.container(manifests.get("Deployment", SERVICE))
			.path("volumeMounts")
			.findParents("name")
			.stream()
			.filter(mount -> mount.path("name").asText().equals("kafka-cluster-ca"))
			.map(mount -> mount.path("mountPath").asText())
			.findFirst()
			.orElseThrow();
		assertThat(pod.get("SPRING_SSL_BUNDLE_PEM_KAFKA_TRUSTSTORE_CERTIFICATE"))
			.as("the CA file is where the Deployment mounts the cluster CA")
			.isEqualTo("file:" + caMount + "/ca.crt");
		assertThat(pod).containsKey("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");

		Map<String, Object> environment = new LinkedHashMap<>();
		pod.forEach((name, value) -> {
			if (name.startsWith("SPRING_KAFKA_") || name.startsWith("SPRING_SSL_")) {
				environment.put(name, value);
			}
		});
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + port);
		environment.put("SPRING_SSL_BUNDLE_PEM_KAFKA_TRUSTSTORE_CERTIFICATE", "file:" + temp.resolve("ca.crt"));
		environment.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", jaas);

		// Named like the system environment, so that Boot maps SPRING_KAFKA_SSL_BUNDLE to spring.kafka.ssl.bundle.
		StandardEnvironment springEnvironment = new StandardEnvironment();
		springEnvironment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("pod-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					environment));
		return new SpringApplicationBuilder(KafkaOnly.class).environment(springEnvironment)
			.web(WebApplicationType.NONE)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ KafkaAutoConfiguration.class, SslAutoConfiguration.class })
	static class KafkaOnly {

	}

	private static void keytool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("keytool %s: %s", arguments[0], output).isZero();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
