package io.eventplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.notification.NotificationIntegrationTest;

/**
 * A welcome mail against an SMTP server in trouble: what the tests publish, and what they look at (the mailbox, the
 * dead-letter topic, the welcome listener's committed offset, readiness). Retries are fast here (100 ms, at most
 * 400 ms apart), so a record the old bounded retries would set aside is in the dead-letter topic within a second.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:mail-trouble-${random.uuid};DB_CLOSE_DELAY=-1",
		"platform.kafka.retry.initial-interval=100ms", "platform.kafka.retry.max-retries=1",
		"platform.kafka.retry.max-interval-while-infrastructure-is-away=400ms",
		"management.endpoint.health.show-details=always" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@AutoConfigureMockMvc
abstract class MailServerTroubleIntegrationTest {

	/** A registration on the topic: its event id, where it lies, and who should get the welcome. */
	record Registration(String eventId, String address, int partition, long offset) {
	}

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	private Consumer<String, byte[]> deadLetterReader;

	private final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();

	abstract GreenMail mailbox();

	@BeforeEach
	void welcomeListenerIsAssignedAndDeadLettersAreRead() {
		ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("welcome-mail"),
				Topics.USERS_REGISTERED.partitions());
		deadLetterReader = new DefaultKafkaConsumerFactory<>(
				KafkaTestUtils.consumerProps(broker, "dlt-reader-" + UUID.randomUUID(), false),
				new StringDeserializer(), new ByteArrayDeserializer())
			.createConsumer();
		deadLetterReader.subscribe(List.of(Topics.USERS_REGISTERED.deadLetterTopic()));
	}

	@AfterEach
	void closeDeadLetterReader() {
		deadLetterReader.close();
	}

	Registration register(String address) throws Exception {
		EventEnvelope<UserRegistered> event = EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(UUID.randomUUID(), address, "Patient", "GB", false), Clock.systemUTC());
		try (var producer = new DefaultKafkaProducerFactory<String, EventEnvelope<?>>(
				KafkaTestUtils.producerProps(broker), new StringSerializer(), new EventSerializer())
			.createProducer()) {
			RecordMetadata written = producer
				.send(new ProducerRecord<>(Topics.USERS_REGISTERED.name(), event.key(), event))
				.get();
			return new Registration(event.id(), address, written.partition(), written.offset());
		}
	}

	/** Nothing is lost or passed by for a while: no mail yet, no dead letter, no offset committed beyond it. */
	void assertWelcomeWaits(Registration registration) {
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(isDeadLettered(registration)).as("dead-lettered").isFalse();
			assertThat(mailsTo(registration.address())).as("mails").isEmpty();
			assertThat(committedOffset(registration)).as("committed offset").isLessThanOrEqualTo(registration.offset());
		});
	}

	void assertNotReadyBecauseTheMailServerRefuses() {
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			MvcTestResult readiness = readiness();
			assertThat(readiness).hasStatus(503);
			assertThat(component(readiness, "mailServer")).isEqualTo("DOWN");
		});
	}

	/** Sent exactly once, the offset committed past it, and the service ready again. */
	void assertWelcomeDeliveredOnce(Registration registration) {
		await().atMost(Duration.ofSeconds(15)).until(() -> !mailsTo(registration.address()).isEmpty());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(committedOffset(registration)).isGreaterThan(registration.offset()));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			MvcTestResult readiness = readiness();
			assertThat(readiness).hasStatus(200);
			assertThat(component(readiness, "mailServer")).isEqualTo("UP");
		});
		assertThat(mailsTo(registration.address())).hasSize(1);
		assertThat(isDeadLettered(registration)).isFalse();
	}

	boolean isDeadLettered(Registration registration) {
		deadLetterReader.poll(Duration.ofMillis(100)).forEach(deadLetters::add);
		return deadLetters.stream().anyMatch(record -> registration.eventId().equals(NotificationIntegrationTest.header(record, "ce_id")));
	}

	List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(mailbox().getReceivedMessages())
			.filter(message -> NotificationIntegrationTest.recipientIs(message, address))
			.toList();
	}

	MvcTestResult readiness() {
		return mvc.get().uri("/actuator/health/readiness").exchange();
	}

	static String component(MvcTestResult health, String name) {
		return JsonPath.read(new String(health.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8),
				"$.components." + name + ".status");
	}

	private long committedOffset(Registration registration) throws Exception {
		OffsetAndMetadata committed = KafkaTestUtils.getCurrentOffset(broker.getBrokersAsString(),
				"notification-service", Topics.USERS_REGISTERED.name(), registration.partition());
		return committed == null ? 0 : committed.offset();
	}
}
