package io.eventplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An SMTP server that refuses for now (a 421 greeting, a 451 greylisting reply) keeps the mail waiting and the
 * service unready until it takes the mail; one that refuses one message for good (550) sets only that event aside.
 * The replies come from {@link RefusingSmtpProxy} in front of GreenMail.
 */
class MailWhileServerRefusesForNowIntegrationTests extends MailServerTroubleIntegrationTest {

	static final GreenMail smtp = startSmtp();

	static final RefusingSmtpProxy proxy = new RefusingSmtpProxy(smtp.getSmtp().getPort());

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", proxy::port);
	}

	@AfterAll
	static void stopSmtp() throws Exception {
		proxy.close();
		smtp.stop();
	}

	@AfterEach
	void acceptAgain() {
		proxy.acceptAll();
	}

	@Override
	GreenMail mailbox() {
		return smtp;
	}

	@Test
	void shouldKeepTheMailWhileTheServerGreetsWith421AndSendItOnceItTakesMail() throws Exception {
		// Given a server that greets every session with 421
		proxy.greetWith("421 4.3.2 Service not available, closing transmission channel");

		// When a user registers, Then the welcome waits until the server takes mail again, and goes out once
		assertWelcomeWaitsUntilTheServerTakesIt("greeted-421@example.com");
	}

	@Test
	void shouldKeepAGreylistedMailUntilTheServerTakesIt() throws Exception {
		// Given a server that greylists the recipient
		proxy.answerRecipient("greylisted@example.com", "451 4.7.1 <greylisted@example.com>: Greylisted, try later");

		// When the user registers, Then the welcome waits until the greylisting is over, and goes out once
		assertWelcomeWaitsUntilTheServerTakesIt("greylisted@example.com");
	}

	@Test
	void shouldSetAsideOnlyTheMessageTheServerRefusesForGood() throws Exception {
		// Given a server that does not know one recipient
		proxy.answerRecipient("unknown@example.com", "550 5.1.1 <unknown@example.com>: Recipient address rejected");

		// When that user registers, and then another
		Registration refused = register("unknown@example.com");
		Registration next = register("known@example.com");

		// Then the refused welcome goes to the dead-letter topic, the next one is delivered, and the service stays ready
		await().atMost(Duration.ofSeconds(15)).until(() -> isDeadLettered(refused));
		assertWelcomeDeliveredOnce(next);
		assertThat(mailsTo(refused.address())).isEmpty();
		assertThat(readiness()).hasStatus(200);
	}

	private void assertWelcomeWaitsUntilTheServerTakesIt(String address) throws Exception {
		int refusedBefore = proxy.refusals();
		Registration registration = register(address);

		// Tried again and again, but it waits, and the service is not ready
		assertWelcomeWaits(registration);
		assertThat(proxy.refusals() - refusedBefore).as("attempts refused").isGreaterThanOrEqualTo(3);
		assertNotReadyBecauseTheMailServerRefuses();

		proxy.acceptAll();

		assertWelcomeDeliveredOnce(registration);
	}

	private static GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		server.start();
		return server;
	}
}
