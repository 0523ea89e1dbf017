package io.eventplatform.support.kafka.replay;

import static io.eventplatform.support.kafka.replay.ReplayTestApplication.LISTENER;
import static io.eventplatform.support.kafka.replay.ReplayTestApplication.OTHER_LISTENER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.support.kafka.EventPublisher;

/** The replay on one instance: each way of choosing the offsets, the group filter, the dry run and bad requests. */
@ReplayIntegrationTest
class ConsumerGroupReplayIntegrationTests {

	private static final String TOPIC = "users.registered";

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
		List<String> before = ids(publishAndAwait(3));
		Instant from = Instant.now();
		List<String> after = ids(publishAndAwait(2));

		assertThat(replay("{\"from\":\"" + from + "\"}")).hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.hasPathSatisfying("$.from", instant -> instant.assertThat().isEqualTo(from.toString()))
			.hasPathSatisfying("$.dryRun", dryRun -> dryRun.assertThat().isEqualTo(false))
			.hasPathSatisfying("$.groups[0].groupId", group -> group.assertThat().isEqualTo(LISTENER))
			.hasPathSatisfying("$.groups[0].partitions.length()", count -> count.assertThat().isEqualTo(6));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(after).allSatisfy(id -> assertThat(listener.handled.get(id)).isEqualTo(2)));
		assertThat(before).allSatisfy(id -> assertThat(listener.handled.get(id)).isEqualTo(1));
	}

	@Test
	void shouldChangeNothingInADryRunAndShowTheCommittedOffsets() {
		List<String> ids = ids(publishAndAwait(2));
		Map<TopicPartition, Long> committedBefore = awaitCommittedAtEnd(LISTENER);

		MvcTestResult preview = replay("{\"to\":\"earliest\",\"group\":\"" + LISTENER + "\",\"dryRun\":true}");

		assertThat(preview).hasStatus(HttpStatus.OK)
			.bodyJson()
			.hasPathSatisfying("$.dryRun", dryRun -> dryRun.assertThat().isEqualTo(true))
			.hasPathSatisfying("$.groups.length()", count -> count.assertThat().isEqualTo(1))
			.hasPathSatisfying("$.groups[0].listenerId", id -> id.assertThat().isEqualTo(LISTENER))
			.hasPathSatisfying("$.groups[0].partitions[*].offset", offsets -> offsets.assertThat()
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.containsOnly(0));
		for (int partition = 0; partition < 6; partition++) {
			Long committed = committedBefore.get(new TopicPartition(TOPIC, partition));
			Integer expected = committed == null ? null : Math.toIntExact(committed);
			assertThat(preview).bodyJson()
				.extractingPath("$.groups[0].partitions[" + partition + "].committed")
				.isEqualTo(expected);
		}
		assertThat(committed(LISTENER)).isEqualTo(committedBefore);
		// Nothing is read again: a new event is handled, the earlier ones still once.
		List<String> next = ids(publishAndAwait(1));
		assertThat(next).allSatisfy(id -> assertThat(listener.handled.get(id)).isEqualTo(1));
		assertThat(ids).allSatisfy(id -> assertThat(listener.handled.get(id)).isEqualTo(1));
	}

	@Test
	void shouldRewindOnlyTheNamedGroupToTheEarliestOffsets() {
		List<String> ids = ids(publishAndAwait(3));

		assertThat(replay("{\"to\":\"earliest\",\"group\":\"" + OTHER_LISTENER + "\"}"))
			.hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.hasPathSatisfying("$.groups.length()", count -> count.assertThat().isEqualTo(1))
			.hasPathSatisfying("$.groups[0].groupId", group -> group.assertThat().isEqualTo(OTHER_LISTENER));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(ids).allSatisfy(id -> assertThat(listener.handledByOther.get(id)).isEqualTo(2)));
		assertThat(ids).allSatisfy(id -> assertThat(listener.handled.get(id)).isEqualTo(1));
	}

	@Test
	void shouldSkipToTheEndOfEveryPartition() {
		publishAndAwait(1);
		Map<TopicPartition, Long> committed = awaitCommittedAtEnd(LISTENER);

		assertThat(replay("{\"to\":\"latest\",\"group\":\"" + LISTENER + "\"}")).hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.hasPathSatisfying("$.groups[0].partitions.length()", count -> count.assertThat().isEqualTo(6));

		assertThat(committed(LISTENER)).isEqualTo(committed);
	}

	@Test
	void shouldRewindOnlyTheGivenPartitionToTheGivenOffset() {
		List<EventEnvelope<UserRegistered>> events = publishAndAwait(4);
		RecordMetadata first = sent.get(events.get(0).id());
		List<String> elsewhere = events.stream()
			.map(EventEnvelope::id)
			.filter(id -> sent.get(id).partition() != first.partition())
			.toList();
		List<String> onItAfter = events.stream()
			.map(EventEnvelope::id)
			.filter(id -> sent.get(id).partition() == first.partition())
			.toList();

		assertThat(replay("{\"offsets\":[{\"topic\":\"" + TOPIC + "\",\"partition\":" + first.partition()
				+ ",\"offset\":" + first.offset() + "}],\"group\":\"" + LISTENER + "\"}"))
			.hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.hasPathSatisfying("$.groups[0].partitions.length()", count -> count.assertThat().isEqualTo(1))
			.hasPathSatisfying("$.groups[0].partitions[0].offset",
					offset -> offset.assertThat().isEqualTo(Math.toIntExact(first.offset())));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(onItAfter).allSatisfy(id -> assertThat(listener.handled.get(id)).isEqualTo(2)));
		assertThat(elsewhere).allSatisfy(id -> assertThat(listener.handled.get(id)).isEqualTo(1));
		assertThat(events).allSatisfy(event -> assertThat(listener.handledByOther.get(event.id())).isEqualTo(1));
	}

	@Test
	void shouldRefuseAReplayWhileAConsumerOutsideTheServiceIsInTheGroupNameItAndCarryOn() {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, LISTENER, false);
		props.put(ConsumerConfig.CLIENT_ID_CONFIG, "console-consumer");
		try (Consumer<String, String> outsider = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer())
			.createConsumer()) {
			outsider.subscribe(List.of(TOPIC));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				outsider.poll(Duration.ofMillis(100));
				return !outsider.assignment().isEmpty();
			});

			assertThat(replay("{\"from\":\"2026-01-01T00:00:00Z\",\"group\":\"" + LISTENER + "\"}"))
				.hasStatus(HttpStatus.CONFLICT)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.hasPathSatisfying("$.members[0].clientId", client -> client.assertThat().isEqualTo("console-consumer"))
				.hasPathSatisfying("$.detail", detail -> detail.assertThat().asString().contains("console-consumer"));
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
		assertRefused("{\"from\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}", "from", "PastOrPresent");
		assertRefused("{}", "from", "ExactlyOneOf");
	}

	@Test
	void shouldNameTheFieldAndTheRuleOfEveryBadRequest() {
		assertRefused("{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"earliest\"}", "to", "ExactlyOneOf");
		assertRefused("{\"to\":\"earliest\",\"offsets\":[{\"topic\":\"" + TOPIC
				+ "\",\"partition\":0,\"offset\":0}]}", "offsets", "ExactlyOneOf");
		assertRefused("{\"to\":\"sideways\"}", "to", "format");
		assertRefused("{\"offsets\":[]}", "offsets", "Size");
		assertRefused("{\"offsets\":[{\"topic\":\"" + TOPIC + "\",\"partition\":0,\"offset\":-1}]}",
				"offsets[0].offset", "PositiveOrZero");
		assertRefused("{\"to\":\"earliest\",\"group\":\"someone-elses-group\"}", "group", "ConsumerGroup");
		assertRefused("{\"offsets\":[{\"topic\":\"weather.readings\",\"partition\":0,\"offset\":0}]}",
				"offsets[0].topic", "ConsumedTopic");
		assertRefused("{\"offsets\":[{\"topic\":\"" + TOPIC + "\",\"partition\":6,\"offset\":0}]}",
				"offsets[0].partition", "ExistingPartition");
		assertRefused("{\"offsets\":[{\"topic\":\"" + TOPIC + "\",\"partition\":0,\"offset\":1000000}]}",
				"offsets[0].offset", "OffsetRange");
	}

	private void assertRefused(String body, String field, String rule) {
		assertThat(replay(body)).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", name -> name.assertThat().isEqualTo(field))
			.hasPathSatisfying("$.errors[0].rule", name -> name.assertThat().isEqualTo(rule));
	}

	private MvcTestResult replay(String body) {
		return mvc.post()
			.uri("/api/test/admin/replay")
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_platform:admin")))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private final Map<String, RecordMetadata> sent = new java.util.concurrent.ConcurrentHashMap<>();

	private List<EventEnvelope<UserRegistered>> publishAndAwait(int count) {
		List<EventEnvelope<UserRegistered>> events = IntStream.range(0, count).mapToObj(i -> {
			EventEnvelope<UserRegistered> event = publisher.newEvent(new UserRegistered(UUID.randomUUID(),
					"user" + i + "@example.com", "User " + i, "GB", false));
			sent.put(event.id(), publisher.publish(event).join().getRecordMetadata());
			return event;
		}).toList();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events).allSatisfy(event -> {
			assertThat(listener.handled.get(event.id())).isEqualTo(1);
			assertThat(listener.handledByOther.get(event.id())).isEqualTo(1);
		}));
		return events;
	}

	private static List<String> ids(List<EventEnvelope<UserRegistered>> events) {
		return events.stream().map(EventEnvelope::id).toList();
	}

	/** The group's committed offsets once it has committed everything it handled (the container commits after). */
	private Map<TopicPartition, Long> awaitCommittedAtEnd(String group) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sent.values()
			.forEach(record -> assertThat(committed(group).get(new TopicPartition(TOPIC, record.partition())))
				.isGreaterThan(record.offset())));
		return committed(group);
	}

	/** The group's committed offset of each partition (without the leader epoch, which a replay does not set). */
	private Map<TopicPartition, Long> committed(String group) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
			Map<TopicPartition, Long> offsets = new java.util.HashMap<>();
			admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(30, TimeUnit.SECONDS)
				.forEach((partition, offset) -> offsets.put(partition, offset.offset()));
			return offsets;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
