package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.local.LocalPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the platform as {@code ./run.sh} does (a real KRaft broker, a real SMTP server, every service and the gateway
 * as its own process) and follows a registration through every link: gateway token and routing, registration-service
 * and its outbox, the record on {@code users.registered}, the welcome mail, and the analytics count.
 */
@ExtendWith(Platform.class)
@Order(1)
class UserRegistrationEndToEndTests {

	private static final JsonMapper json = Platform.json;

	private static final HttpClient http = Platform.http;

	static LocalPlatform platform;

	static String token;

	@BeforeAll
	static void token() {
		platform = Platform.get();
		token = Platform.token("demo-client", "demo-secret");
	}

	@Test
	void shouldFollowARegistrationFromTheGatewayToTheTopicTheMailboxAndTheAnalytics() throws Exception {
		long registeredBefore = registrations().path("total").asLong();
		long inBrazilBefore = registrations().path("byCountry").path("BR").asLong();
		String email = "ada+" + UUID.randomUUID() + "@example.com";
		try (KafkaConsumer<String, byte[]> consumer = consumer()) {

			HttpResponse<String> created = post("/api/users", """
					{"email":"%s","displayName":"Ada Lovelace","country":"BR","marketingConsent":true}"""
				.formatted(email));

			assertThat(created.statusCode()).isEqualTo(201);
			String userId = json.readTree(created.body()).get("id").asString();
			assertThat(created.headers().firstValue("Location"))
				.hasValue(platform.gatewayUrl().resolve("/api/users/" + userId).toString());

			ConsumerRecord<String, byte[]> record = awaitRecord(consumer, userId);
			assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
			assertThat(header(record, "ce_id")).isNotBlank();
			assertThat(header(record, "ce_source")).isEqualTo("/registration-service");
			assertThat(header(record, "ce_type")).isEqualTo("io.eventplatform.users.UserRegistered.v1");
			assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
			assertThat(header(record, "content-type")).isEqualTo("application/json");
			JsonNode body = json.readTree(record.value());
			assertThat(body.get("userId").asString()).isEqualTo(userId);
			assertThat(body.get("email").asString()).isEqualTo(email);
		}

		JsonNode mail = awaitMailTo(email);
		assertThat(mail.get("subject").asString()).isEqualTo("Welcome to the Event Platform, Ada Lovelace");
		assertThat(mail.get("text").asString()).contains("Hello Ada Lovelace");

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode counts = registrations();
			assertThat(counts.path("total").asLong()).isEqualTo(registeredBefore + 1);
			assertThat(counts.path("byCountry").path("BR").asLong()).isEqualTo(inBrazilBefore + 1);
		});
	}

	@Test
	void shouldKeepConsumingAfterARecordThatIsNotAValidEvent() throws Exception {
		long registeredBefore = registrations().path("total").asLong();
		try (KafkaProducer<String, byte[]> external = producer()) {
			// As any Kafka client (kcat, a script) could write it: no CloudEvents headers, a body that does not parse.
			external.send(new ProducerRecord<>("users.registered", "not-a-user", "{oops".getBytes())).get();
		}
		String email = "grace+" + UUID.randomUUID() + "@example.com";

		assertThat(post("/api/users", """
				{"email":"%s","displayName":"Grace Hopper","country":"US"}""".formatted(email)).statusCode())
			.isEqualTo(201);

		assertThat(awaitMailTo(email).get("subject").asString()).contains("Grace Hopper");
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(registrations().path("total").asLong()).isEqualTo(registeredBefore + 1));
	}

	@Test
	void shouldRefuseApiCallsWithoutAValidToken() throws Exception {
		HttpResponse<String> anonymous = http.send(
				HttpRequest.newBuilder(platform.gatewayUrl().resolve("/api/analytics/registrations")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> forged = http.send(HttpRequest
			.newBuilder(platform.gatewayUrl().resolve("/api/analytics/registrations"))
			.header("Authorization", "Bearer " + token.substring(0, token.lastIndexOf('.') + 1) + "forged")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(forged.statusCode()).isEqualTo(401);
	}

	private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(platform.gatewayUrl().resolve(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** As a client should: a 503 while the aggregates are being restored or rebalanced means "try again shortly". */
	private static JsonNode registrations() throws IOException {
		HttpRequest request = HttpRequest.newBuilder(platform.gatewayUrl().resolve("/api/analytics/registrations"))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		HttpResponse<String> response = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()), answer -> answer.statusCode() != 503);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static JsonNode awaitMailTo(String address) {
		URI messages = platform.mailApiUrl()
			.resolve("/messages?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
		List<JsonNode> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(messages).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			found.clear();
			json.readTree(response.body()).forEach(found::add);
			return !found.isEmpty();
		});
		assertThat(found).as("exactly one welcome mail to " + address).hasSize(1);
		return found.get(0);
	}

	private static KafkaConsumer<String, byte[]> consumer() {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
				new ByteArrayDeserializer());
		consumer.subscribe(List.of("users.registered"));
		return consumer;
	}

	private static KafkaProducer<String, byte[]> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	private static ConsumerRecord<String, byte[]> awaitRecord(KafkaConsumer<String, byte[]> consumer, String key) {
		List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
			return seen.stream().anyMatch(record -> key.equals(record.key()));
		});
		List<ConsumerRecord<String, byte[]>> forKey = seen.stream().filter(r -> key.equals(r.key())).toList();
		assertThat(forKey).as("one record for user " + key).hasSize(1);
		return forKey.get(0);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		assertThat(record.headers().lastHeader(name)).as("header " + name).isNotNull();
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
