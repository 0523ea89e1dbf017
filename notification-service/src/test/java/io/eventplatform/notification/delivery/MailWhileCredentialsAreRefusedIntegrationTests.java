package io.eventplatform.notification.delivery;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP server requires authentication (GreenMail with a user) and refuses the service's password (535), as after
 * a password was rotated on one side only: the welcome mail waits, the service is not ready, and the mail goes out
 * once when the server's account gets the new password, without a restart.
 */
@TestPropertySource(properties = { "spring.mail.username=notifier", "spring.mail.password=rotated-secret",
		"spring.mail.properties.mail.smtp.auth=true" })
class MailWhileCredentialsAreRefusedIntegrationTests extends MailServerTroubleIntegrationTest {

	static final GreenMail smtp = startSmtp();

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Override
	GreenMail mailbox() {
		return smtp;
	}

	@Test
	void shouldKeepTheMailWhileTheServerRefusesTheCredentialsAndSendItOnceItTakesThem() throws Exception {
		// Given the server still knows the old password (it refuses the service's with 535)
		// When a user registers
		Registration registration = register("rotation@example.com");

		// Then the welcome waits: not dead-lettered, not committed past, and the service says it is not ready
		assertWelcomeWaits(registration);
		assertNotReadyBecauseTheMailServerRefuses();

		// When the server's account gets the new password
		smtp.getUserManager().getUser("notifier").setPassword("rotated-secret");

		// Then the waiting welcome goes out once and the service is ready again
		assertWelcomeDeliveredOnce(registration);
	}

	private static GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
			.withConfiguration(GreenMailConfiguration.aConfig().withUser("notifier@eventplatform.io", "notifier",
					"old-secret"));
		server.start();
		return server;
	}
}
