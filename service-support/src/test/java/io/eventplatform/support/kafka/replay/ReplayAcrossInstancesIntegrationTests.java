package io.eventplatform.support.kafka.replay;

import static io.eventplatform.support.kafka.replay.ReplayTestApplication.LISTENER;
import static io.eventplatform.support.kafka.replay.ReplayTestApplication.OTHER_LISTENER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.support.kafka.EventPublisher;

/**
 * The replay while a second instance of the service consumes in the same groups: the instances stop and start their
 * listeners together over the replay-control topic, and start them on their own when the replay's coordinator never
 * says it is over.
 */
@ReplayIntegrationTest
class ReplayAcrossInstancesIntegrationTests {

	private static ConfigurableApplicationContext secondInstance;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EventPublisher publisher;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ReplayTestApplication.CountingListener listener;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	ReplayControl control;

	@BeforeEach
	void startTheSecondInstance() {
		if (secondInstance == null) {
			secondInstance = new SpringApplicationBuilder(ReplayTestApplication.class)
				.properties(ReplayIntegrationTest.PROPERTIES)
				.properties("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "server.port=0")
				.run();
		}
		// Both instances share the partitions of each group, and both read the control topic: they have read a
		// resume sent now (of a replay that never was, which changes nothing).
		String probe = "probe-" + UUID.randomUUID();
		send(probe, "{\"type\":\"RESUME\",\"replayId\":\"" + probe + "\",\"groupIds\":[]}");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			for (String id : List.of(LISTENER, OTHER_LISTENER)) {
				assertThat(container(listeners, id).getAssignedPartitions()).isNotEmpty();
				assertThat(container(secondListeners(), id).getAssignedPartitions()).isNotEmpty();
			}
			assertThat(control.isOver(probe)).isTrue();
			assertThat(secondInstance.getBean(ReplayControl.class).isOver(probe)).isTrue();
		});
	}

	@AfterAll
	static void stopTheSecondInstance() {
		if (secondInstance != null) {
			secondInstance.close();
			secondInstance = null;
		}
	}

	@Test
	void shouldRewindAGroupBothInstancesConsumeInAndHaveBothReadItAgain() {
		ReplayTestApplication.CountingListener second = secondInstance.getBean(ReplayTestApplication.CountingListener.class);
		Instant from = Instant.now();
		List<String> ids = publishAndAwaitOnce(6, second);

		assertThat(mvc.post()
			.uri("/api/test/admin/replay")
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_platform:admin")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"from\":\"" + from + "\",\"group\":\"" + LISTENER + "\"}")).hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.hasPathSatisfying("$.groups[0].groupId", group -> group.assertThat().isEqualTo(LISTENER));

		// Every event read once more, by whichever instance holds its partition now; both instances consume again.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(ids).allSatisfy(id -> assertThat(
					listener.handled.getOrDefault(id, 0) + second.handled.getOrDefault(id, 0)).isEqualTo(2)));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(container(listeners, LISTENER).getAssignedPartitions()).isNotEmpty();
			assertThat(container(secondListeners(), LISTENER).getAssignedPartitions()).isNotEmpty();
		});
		assertThat(ids).allSatisfy(id -> assertThat(
				listener.handledByOther.getOrDefault(id, 0) + second.handledByOther.getOrDefault(id, 0)).isEqualTo(1));
	}

	@Test
	void shouldStartTheListenersAgainAtTheDeadlineWhenTheCoordinatorNeverResumes() {
		// A coordinator that sent its pause and died: no resume ever comes. The record as the coordinator writes it.
		String replayId = UUID.randomUUID().toString();
		String pause = "{\"type\":\"PAUSE\",\"replayId\":\"" + replayId + "\",\"groupIds\":[\"" + LISTENER
				+ "\"],\"deadline\":\"" + Clock.systemUTC().instant().plus(Duration.ofSeconds(3)) + "\"}";
		send(replayId, pause);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(container(listeners, LISTENER).isRunning()).isFalse();
			assertThat(container(secondListeners(), LISTENER).isRunning()).isFalse();
		});
		// The other group's listeners were not asked to stop.
		assertThat(container(listeners, OTHER_LISTENER).isRunning()).isTrue();

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(container(listeners, LISTENER).isRunning()).isTrue();
			assertThat(container(secondListeners(), LISTENER).isRunning()).isTrue();
		});
		ReplayTestApplication.CountingListener second = secondInstance.getBean(ReplayTestApplication.CountingListener.class);
		publishAndAwaitOnce(2, second);
	}

	private List<String> publishAndAwaitOnce(int count, ReplayTestApplication.CountingListener second) {
		List<String> ids = IntStream.range(0, count).mapToObj(i -> {
			EventEnvelope<UserRegistered> event = publisher.newEvent(new UserRegistered(UUID.randomUUID(),
					"user" + i + "@example.com", "User " + i, "GB", false));
			publisher.publish(event).join();
			return event.id();
		}).toList();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ids).allSatisfy(id -> {
			assertThat(listener.handled.getOrDefault(id, 0) + second.handled.getOrDefault(id, 0)).isEqualTo(1);
			assertThat(listener.handledByOther.getOrDefault(id, 0) + second.handledByOther.getOrDefault(id, 0))
				.isEqualTo(1);
		}));
		return ids;
	}

	/** A record of the control topic, as the instance coordinating a replay writes it. */
	private void send(String replayId, String json) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("replay-test.replay-control", replayId, json)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KafkaListenerEndpointRegistry secondListeners() {
		return secondInstance.getBean(KafkaListenerEndpointRegistry.class);
	}

	private static MessageListenerContainer container(KafkaListenerEndpointRegistry registry, String id) {
		MessageListenerContainer container = registry.getListenerContainer(id);
		assertThat(container).as("listener %s", id).isNotNull();
		return container;
	}
}
