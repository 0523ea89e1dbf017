package io.eventplatform.notification;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.EventSerializer;

/**
 * The one Spring context the integration tests share (so one embedded broker): a real SMTP server (GreenMail) that
 * lives as long as the JVM, H2 in memory, and a throttling interval short enough to watch a digest go out. Tests
 * keep apart by using addresses, accounts and stations of their own.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:notification;DB_CLOSE_DELAY=-1",
		"platform.kafka.retry.initial-interval=100ms", "platform.kafka.retry.max-retries=1",
		"platform.notification.throttle.interval=3s", "platform.notification.throttle.flush-every=200ms",
		"platform.notification.operations-addresses=fraud-ops@eventplatform.io" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@AutoConfigureMockMvc
public abstract class NotificationIntegrationTest {

	protected static final GreenMail smtp = startSmtp();

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@Autowired
	protected EmbeddedKafkaBroker broker;

	@Autowired
	protected MockMvcTester mvc;

	protected void publish(EventEnvelope<?> event) {
		try (var producer = new DefaultKafkaProducerFactory<String, EventEnvelope<?>>(
				KafkaTestUtils.producerProps(broker), new StringSerializer(), new EventSerializer())
			.createProducer()) {
			producer.send(new ProducerRecord<>(event.topic().name(), event.key(), event));
		}
	}

	protected static MimeMessage awaitMailTo(String address) {
		await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).size() > 0);
		return mailsTo(address).get(0);
	}

	protected static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> recipientIs(message, address)).toList();
	}

	/** The plain-text alternative of the message's {@code multipart/alternative}. */
	protected static String textOf(MimeMessage message) {
		return part(message, "text/plain");
	}

	/** The HTML alternative of the message's {@code multipart/alternative}. */
	protected static String htmlOf(MimeMessage message) {
		return part(message, "text/html");
	}

	private static String part(MimeMessage message, String type) {
		try {
			Multipart alternatives = alternatives(message.getContent());
			if (alternatives == null) {
				throw new AssertionError("No multipart/alternative in " + message.getContentType());
			}
			if (alternatives.getCount() != 2 || !alternatives.getBodyPart(0).isMimeType("text/plain")
					|| !alternatives.getBodyPart(1).isMimeType("text/html")) {
				throw new AssertionError("Not plain text, then HTML: " + alternatives.getContentType());
			}
			for (int i = 0; i < alternatives.getCount(); i++) {
				BodyPart part = alternatives.getBodyPart(i);
				if (part.isMimeType(type)) {
					return part.getContent().toString();
				}
			}
			throw new AssertionError("No " + type + " part");
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The {@code multipart/alternative}, the message's body or nested in it (as in {@code multipart/mixed}). */
	private static Multipart alternatives(Object content) throws IOException, MessagingException {
		if (!(content instanceof Multipart multipart)) {
			return null;
		}
		if (multipart.getContentType().startsWith("multipart/alternative")) {
			return multipart;
		}
		for (int i = 0; i < multipart.getCount(); i++) {
			Multipart nested = alternatives(multipart.getBodyPart(i).getContent());
			if (nested != null) {
				return nested;
			}
		}
		return null;
	}

	protected static RequestPostProcessor token(String... scopes) {
		return jwt().authorities(Arrays.stream(scopes).map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope))
			.toArray(SimpleGrantedAuthority[]::new));
	}

	/** Reads a dead-letter topic from its start until a record with the given event id ({@code ce_id}) is there. */
	protected ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, String eventId) {
		return awaitDeadLetter(topic, "ce_id", eventId);
	}

	/** Reads a dead-letter topic from its start until a record whose header has the given value is there. */
	protected ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, String headerName, String value) {
		try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
				KafkaTestUtils.consumerProps(broker, "dlt-reader-" + value, false), new StringDeserializer(),
				new ByteArrayDeserializer())
			.createConsumer()) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
				return seen.stream().anyMatch(record -> value.equals(header(record, headerName)));
			});
			return seen.stream().filter(record -> value.equals(header(record, headerName))).findFirst().orElseThrow();
		}
	}

	public static String header(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	public static boolean recipientIs(MimeMessage message, String address) {
		try {
			return message.getAllRecipients()[0].toString().equals(address);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
