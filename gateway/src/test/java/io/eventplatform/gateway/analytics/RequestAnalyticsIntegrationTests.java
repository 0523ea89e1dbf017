package io.eventplatform.gateway.analytics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.eventplatform.gateway.RunningGateway;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EmbeddedKafka
class RequestAnalyticsIntegrationTests extends RunningGateway {

	@Autowired
	EmbeddedKafkaBroker broker;

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
	}

	@Autowired
	JsonMapper json;

	@Test
	void shouldPublishOneEventPerCallWithClientRoutePatternMethodStatusAndLatency() {
		// Given
		String token = demoToken("users:read");

		// When: an allowed call, a call without token and one without the scope
		gateway.get().uri("/api/users/42").headers(headers -> headers.setBearerAuth(token)).exchange();
		gateway.get().uri("/api/users/43").exchange();
		gateway.post().uri("/api/users").headers(headers -> headers.setBearerAuth(token)).exchange();

		// Then
		List<ConsumerRecord<String, String>> records = readGatewayRequests(3);
		assertThat(records).extracting(record -> json.readTree(record.value()).get("status").asInt())
			.containsExactlyInAnyOrder(200, 401, 403);
		ConsumerRecord<String, String> allowedRecord = withStatus(records, 200);
		assertThat(allowedRecord.key()).isEqualTo("demo-client");
		JsonNode allowed = json.readTree(allowedRecord.value());
		assertThat(allowed.get("clientId").asString()).isEqualTo("demo-client");
		assertThat(allowed.get("method").asString()).isEqualTo("GET");
		assertThat(allowed.get("route").asString()).isEqualTo("/api/users/**");
		assertThat(allowed.get("status").asInt()).isEqualTo(200);
		assertThat(allowed.get("latencyMillis").asLong()).isNotNegative();
		assertThat(allowedRecord.value()).doesNotContain("42").doesNotContain(token);
		assertThat(new String(allowedRecord.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
			.isEqualTo("io.eventplatform.gateway.GatewayRequestCompleted.v1");
		ConsumerRecord<String, String> unauthenticated = withStatus(records, 401);
		assertThat(unauthenticated.key()).isEqualTo("anonymous");
		ConsumerRecord<String, String> forbidden = withStatus(records, 403);
		assertThat(forbidden.key()).isEqualTo("demo-client");
		assertThat(json.readTree(forbidden.value()).get("method").asString()).isEqualTo("POST");
	}

	private ConsumerRecord<String, String> withStatus(List<ConsumerRecord<String, String>> records, int status) {
		return records.stream()
			.filter(record -> json.readTree(record.value()).get("status").asInt() == status)
			.findFirst()
			.orElseThrow();
	}

	private List<ConsumerRecord<String, String>> readGatewayRequests(int count) {
		List<ConsumerRecord<String, String>> seen = new ArrayList<>();
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(
				KafkaTestUtils.consumerProps(broker, "analytics-" + UUID.randomUUID(), false), new StringDeserializer(),
				new StringDeserializer())
			.createConsumer()) {
			consumer.subscribe(List.of("gateway.requests"));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
				return seen.size() >= count;
			});
		}
		return seen;
	}

}
