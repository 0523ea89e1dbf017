package io.eventplatform.support.kafka.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.support.kafka.EventPublisher;

@SpringBootTest(properties = { "spring.application.name=replay-test", "platform.kafka.consumes=users.registered",
		"platform.kafka.produces=users.registered", "platform.kafka.replay.path=/api/test/admin/replay",
		"platform.kafka.replay.listener-ids=replay-test-listener",
		"spring.datasource.url=jdbc:h2:mem:replay;DB_CLOSE_DELAY=-1" })
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ConsumerGroupReplayIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EventPublisher publisher;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReplayTestApplication.CountingListener listener;

	@Test
	void shouldHandOnlyTheEventsFromTheInstantOnToTheListenerAgain() {
		List<String> before = publishAndAwait(3);
		Instant from = Instant.now();
		List<String> after = publishAndAwait(2);

		assertThat(mvc.post()
			.uri("/api/test/admin/replay")
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_platform:admin")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"from\":\"" + from + "\"}")).hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.hasPathSatisfying("$.groups[0].groupId", group -> group.assertThat().isEqualTo("replay-test-listener"))
			.hasPathSatisfying("$.groups[0].partitions.length()", count -> count.assertThat().isEqualTo(6));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(after).allSatisfy(id -> assertThat(listener.handled.get(id)).isEqualTo(2)));
		assertThat(before).allSatisfy(id -> assertThat(listener.handled.get(id)).isEqualTo(1));
	}

	@Test
	void shouldRefuseAReplayWhileAnotherInstanceConsumesInTheGroupAndCarryOn() {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "replay-test-listener", false);
		try (Consumer<String, String> otherInstance = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer())
			.createConsumer()) {
			otherInstance.subscribe(List.of("users.registered"));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				otherInstance.poll(Duration.ofMillis(100));
				return !otherInstance.assignment().isEmpty();
			});

			assertThat(mvc.post()
				.uri("/api/test/admin/replay")
				.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_platform:admin")))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"from\":\"2026-01-01T00:00:00Z\"}")).hasStatus(HttpStatus.CONFLICT)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		// The listener was started again: it goes on with new events.
		publishAndAwait(1);
	}

	@Test
	void shouldRefuseAReplayWithoutTheAdminScope() {
		assertThat(mvc.post()
			.uri("/api/test/admin/replay")
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_users:read")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"from\":\"2026-01-01T00:00:00Z\"}")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldNameTheMissingOrFutureInstant() {
		assertThat(mvc.post()
			.uri("/api/test/admin/replay")
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_platform:admin")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"from\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", field -> field.assertThat().isEqualTo("from"));
		assertThat(mvc.post()
			.uri("/api/test/admin/replay")
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_platform:admin")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", field -> field.assertThat().isEqualTo("from"));
	}

	private List<String> publishAndAwait(int count) {
		List<String> ids = IntStream.range(0, count).mapToObj(i -> {
			EventEnvelope<UserRegistered> event = publisher.newEvent(new UserRegistered(UUID.randomUUID(),
					"user" + i + "@example.com", "User " + i, "GB", false));
			publisher.publish(event).join();
			return event.id();
		}).toList();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ids).allSatisfy(id -> assertThat(listener.handled.get(id)).isEqualTo(1)));
		return ids;
	}
}
