package io.eventplatform.local.mail;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import io.eventplatform.local.process.ChildProcess;
import io.eventplatform.local.process.Readiness;
import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The mail server process as the launcher starts it: real SMTP in, JSON out.
 */
class MailServerIntegrationTests {

	@TempDir
	static Path temp;

	static ChildProcess mailServer;

	static int smtpPort;

	static URI api;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startMailServer() throws Exception {
		smtpPort = freePort();
		int apiPort = freePort();
		api = URI.create("http://127.0.0.1:" + apiPort);
		mailServer = ChildProcess.start("mail-server", MailServerProcess.command(smtpPort, apiPort), temp,
				temp.resolve("logs/mail-server.log"), Instant.now());
		Readiness readiness = Readiness.allOf(Readiness.httpOk(api.resolve("/health")),
				Readiness.acceptsConnections("127.0.0.1", smtpPort));
		await().atMost(Duration.ofSeconds(30))
			.failFast("the mail server exited; see " + mailServer.logFile(), () -> !mailServer.isAlive())
			.until(readiness::isReady);
	}

	@AfterAll
	static void stopMailServer() {
		mailServer.stop(Duration.ofSeconds(10));
	}

	@BeforeEach
	void purge() throws Exception {
		send("DELETE", "/messages");
	}

	@Test
	void listsEachMessageOnceWithItsEnvelopeRecipientsAndBothBodies() throws Exception {
		// Given
		Instant before = Instant.now();

		// When
		sendWelcomeAndReminder();

		// Then
		JsonNode messages = json(send("GET", "/messages"));
		assertThat(messages).hasSize(2);
		JsonNode welcome = messages.get(0);
		assertThat(welcome.get("id").isNumber()).isTrue();
		assertThat(welcome.get("from").asString()).isEqualTo("Event Platform <no-reply@eventplatform.local>");
		assertThat(welcome.get("to").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("ada@example.com", "grace@example.org");
		assertThat(welcome.get("subject").asString()).isEqualTo("Welcome, Ada");
		assertThat(welcome.get("text").asString()).isEqualTo("Hello Ada, welcome aboard.");
		assertThat(welcome.get("html").asString()).isEqualTo("<p>Hello Ada, <b>welcome</b> aboard.</p>");
		assertThat(Instant.parse(welcome.get("receivedAt").asString())).isAfterOrEqualTo(before.minusSeconds(1));
		JsonNode reminder = messages.get(1);
		assertThat(reminder.get("subject").asString()).isEqualTo("Reminder");
		assertThat(reminder.get("text").asString()).isEqualTo("Don't forget.");
		assertThat(reminder.get("html").isNull()).isTrue();
	}

	@Test
	void filtersByRecipientIgnoringCase() throws Exception {
		// Given
		sendWelcomeAndReminder();

		// When
		JsonNode toAda = json(send("GET", "/messages?to=ADA%40example.com"));
		JsonNode toGrace = json(send("GET", "/messages?to=grace@example.org"));
		JsonNode toNobody = json(send("GET", "/messages?to=nobody@example.net"));

		// Then
		assertThat(toAda.valueStream().map(message -> message.get("subject").asString())).containsExactly("Welcome, Ada");
		assertThat(toGrace.valueStream().map(message -> message.get("subject").asString()))
			.containsExactly("Welcome, Ada", "Reminder");
		assertThat(toNobody).isEmpty();
	}

	@Test
	void forgetsEveryMessageWhenPurged() throws Exception {
		// Given
		sendWelcomeAndReminder();

		// When
		HttpResponse<String> purge = send("DELETE", "/messages");

		// Then
		assertThat(purge.statusCode()).isEqualTo(204);
		assertThat(json(send("GET", "/messages"))).isEmpty();
	}

	@Test
	void refusesAMailboxForGoodWhenToldToAndAcceptsItAgainAfterwards() throws Exception {
		// Given
		assertThat(send("POST", "/refusals?address=Blocked%40example.com").statusCode()).isEqualTo(204);
		assertThat(json(send("GET", "/refusals")).valueStream().map(JsonNode::asString))
			.containsExactly("blocked@example.com");

		// When / Then: a permanent refusal at RCPT TO, nothing recorded
		assertThatThrownBy(() -> sendPlainMail("blocked@example.com")).isInstanceOf(SendFailedException.class)
			.cause()
			.isInstanceOfSatisfying(SMTPAddressFailedException.class,
					refusal -> assertThat(refusal.getReturnCode()).isEqualTo(550));
		sendPlainMail("ada@example.com");
		assertThat(json(send("GET", "/messages?to=blocked@example.com"))).isEmpty();

		// When the mailbox is fixed
		assertThat(send("DELETE", "/refusals?address=blocked@example.com").statusCode()).isEqualTo(204);
		sendPlainMail("blocked@example.com");

		// Then
		assertThat(json(send("GET", "/messages?to=blocked@example.com"))).hasSize(1);
		assertThat(send("POST", "/refusals").statusCode()).isEqualTo(400);
	}

	@Test
	void answersHealthChecks() throws Exception {
		assertThat(send("GET", "/health").statusCode()).isEqualTo(200);
	}

	/** Two messages over one SMTP connection; the first with a Bcc recipient and text and HTML alternatives. */
	private static void sendWelcomeAndReminder() throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", Integer.toString(smtpPort));
		Session session = Session.getInstance(properties);

		MimeMessage welcome = new MimeMessage(session);
		welcome.setFrom(new InternetAddress("no-reply@eventplatform.local", "Event Platform"));
		welcome.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.com"));
		welcome.setRecipient(Message.RecipientType.BCC, new InternetAddress("grace@example.org"));
		welcome.setSubject("Welcome, Ada");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Hello Ada, welcome aboard.", "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setContent("<p>Hello Ada, <b>welcome</b> aboard.</p>", "text/html; charset=UTF-8");
		welcome.setContent(new MimeMultipart("alternative", text, html));
		welcome.saveChanges();

		MimeMessage reminder = new MimeMessage(session);
		reminder.setFrom(new InternetAddress("no-reply@eventplatform.local"));
		reminder.setRecipient(Message.RecipientType.TO, new InternetAddress("grace@example.org"));
		reminder.setSubject("Reminder");
		reminder.setText("Don't forget.", "UTF-8");
		reminder.saveChanges();

		try (Transport transport = session.getTransport("smtp")) {
			transport.connect();
			transport.sendMessage(welcome, welcome.getAllRecipients());
			transport.sendMessage(reminder, reminder.getAllRecipients());
		}
	}

	private static void sendPlainMail(String to) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", Integer.toString(smtpPort));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("no-reply@eventplatform.local"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject("Hello");
		message.setText("Hello.", "UTF-8");
		Transport.send(message);
	}

	private HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(api.resolve(pathAndQuery))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		return JsonMapper.shared().readTree(response.body());
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
