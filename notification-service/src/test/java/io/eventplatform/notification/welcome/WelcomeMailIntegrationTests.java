package io.eventplatform.notification.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.notification.delivery.Deliveries;

@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:notification;DB_CLOSE_DELAY=-1",
		"platform.kafka.retry.initial-interval=100ms", "platform.kafka.retry.max-retries=1" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class WelcomeMailIntegrationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	Deliveries deliveries;

	@Test
	void shouldMailAWelcomeToTheNewUser() throws Exception {
		EventEnvelope<UserRegistered> event = registration("ada@example.com", "Ada");

		publish(event);

		MimeMessage mail = awaitMailTo("ada@example.com");
		assertThat(mail.getSubject()).isEqualTo("Welcome to the Event Platform, Ada");
		assertThat(mail.getContent().toString()).contains("Hello Ada");
	}

	@Test
	void shouldNotMailTwiceForARedeliveredEvent() {
		EventEnvelope<UserRegistered> event = registration("grace@example.com", "Grace");
		// Same key, so same partition: once its mail is there, the duplicate before it was surely consumed.
		EventEnvelope<UserRegistered> later = EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(event.data().userId(), "grace-later@example.com", "Grace Later", "GB", false));

		publish(event);
		publish(event);
		publish(later);

		awaitMailTo("grace-later@example.com");
		assertThat(mailsTo("grace@example.com")).isEqualTo(1);
		assertThat(deliveries.existsByEventIdAndKind(event.id(), "welcome")).isTrue();
	}

	@Test
	void shouldSetAsideRecordsThatAreNotValidEventsAndCarryOn() {
		Consumer<String, byte[]> deadLetters = new DefaultKafkaConsumerFactory<>(
				KafkaTestUtils.consumerProps(broker, "dlt-reader", false),
				new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer())
			.createConsumer();
		deadLetters.subscribe(java.util.List.of(Topics.USERS_REGISTERED.deadLetterTopic()));
		byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
		KafkaTemplate<String, byte[]> raw = rawTemplate();
		ProducerRecord<String, byte[]> withoutType = new ProducerRecord<>(Topics.USERS_REGISTERED.name(), "u-1",
				notJson);
		withoutType.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		raw.send(withoutType).join();
		EventEnvelope<UserRegistered> next = registration("linus@example.com", "Linus");

		publish(next);

		awaitMailTo("linus@example.com");
		java.util.List<ConsumerRecord<String, byte[]>> seen = new java.util.ArrayList<>();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			deadLetters.poll(Duration.ofMillis(200)).forEach(seen::add);
			return !seen.isEmpty();
		});
		ConsumerRecord<String, byte[]> deadLetter = seen.get(0);
		assertThat(deadLetter.value()).isEqualTo(notJson);
		assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-exception-stacktrace").value(),
				StandardCharsets.UTF_8)).contains("header ce_id is missing");
		deadLetters.close();
	}

	private static EventEnvelope<UserRegistered> registration(String email, String name) {
		return EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(UUID.randomUUID(), email, name, "GB", false));
	}

	private void publish(EventEnvelope<UserRegistered> event) {
		Map<String, Object> props = KafkaTestUtils.producerProps(broker);
		try (var producer = new DefaultKafkaProducerFactory<String, EventEnvelope<?>>(props, new StringSerializer(),
				new EventSerializer())
			.createProducer()) {
			producer.send(new ProducerRecord<>(Topics.USERS_REGISTERED.name(), event.key(), event));
		}
	}

	private KafkaTemplate<String, byte[]> rawTemplate() {
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker),
				new StringSerializer(), new ByteArraySerializer()));
	}

	private MimeMessage awaitMailTo(String address) {
		await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address) > 0);
		return java.util.Arrays.stream(smtp.getReceivedMessages())
			.filter(message -> recipientIs(message, address))
			.findFirst()
			.orElseThrow();
	}

	private long mailsTo(String address) {
		return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipientIs(m, address)).count();
	}

	private static boolean recipientIs(MimeMessage message, String address) {
		try {
			return message.getAllRecipients()[0].toString().equals(address);
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
