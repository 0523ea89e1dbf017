package io.eventplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** SMTP replies as Angus Mail reports them: 4xx may pass later, 5xx never will. */
class SmtpRejectionTests {

	@Test
	void shouldTakeAnUnknownRecipientAsPermanent() throws Exception {
		SendFailedException failure = new SendFailedException("Invalid Addresses",
				new SMTPAddressFailedException(new InternetAddress("gone@example.com"), "RCPT TO:<gone@example.com>",
						550, "550 5.1.1 <gone@example.com>: Recipient address rejected"));

		Rejection rejection = SmtpMailer.rejection(failure);

		assertThat(rejection.permanent()).isTrue();
		assertThat(rejection.cause()).startsWith("550 5.1.1");
	}

	@Test
	void shouldTakeAGreylistingReplyAsTemporary() throws Exception {
		SendFailedException failure = new SendFailedException("Invalid Addresses",
				new SMTPAddressFailedException(new InternetAddress("busy@example.com"), "RCPT TO:<busy@example.com>",
						451, "451 4.7.1 Greylisted, try again later"));

		assertThat(SmtpMailer.rejection(failure).permanent()).isFalse();
	}

	@Test
	void shouldTakeARefusedMessageBodyByItsReplyCode() {
		SMTPSendFailedException tooBig = new SMTPSendFailedException("DATA", 552, "552 5.3.4 Message too big", null,
				null, null, null);
		SMTPSendFailedException full = new SMTPSendFailedException("DATA", 452, "452 4.3.1 Insufficient storage",
				null, null, null, null);

		assertThat(SmtpMailer.rejection(tooBig).permanent()).isTrue();
		assertThat(SmtpMailer.rejection(full).permanent()).isFalse();
	}

	@Test
	void shouldTakeAFailureWithoutAReplyCodeAsPermanent() {
		assertThat(SmtpMailer.rejection(new MessagingException("Illegal address")).permanent()).isTrue();
	}

	@Test
	void shouldTakeA421OrAnAuthenticationReplyAsTheServersTroubleAndOtherRepliesAsTheMessages() throws Exception {
		InternetAddress sender = new InternetAddress("no-reply@eventplatform.io");
		InternetAddress recipient = new InternetAddress("someone@example.com");

		assertThat(SmtpMailer.isServerTrouble(refused(new SMTPAddressFailedException(recipient,
				"RCPT TO:<someone@example.com>", 421, "421 4.3.2 Shutting down")))).isTrue();
		assertThat(SmtpMailer.isServerTrouble(refused(new SMTPSenderFailedException(sender,
				"MAIL FROM:<no-reply@eventplatform.io>", 530, "530 5.7.0 Authentication required")))).isTrue();
		assertThat(SmtpMailer.isServerTrouble(refused(new SMTPAddressFailedException(recipient,
				"RCPT TO:<someone@example.com>", 451, "451 4.7.1 Greylisted")))).isFalse();
		assertThat(SmtpMailer.isServerTrouble(refused(new SMTPAddressFailedException(recipient,
				"RCPT TO:<someone@example.com>", 550, "550 5.1.1 Unknown user")))).isFalse();
	}

	@Test
	void shouldTakeABadGreetingAsTheServersTrouble() {
		MessagingException greeting = new MessagingException(
				"Got bad greeting from SMTP host: 127.0.0.1, port: 25, response: 421 4.3.2 Service not available");

		assertThat(SmtpMailer.isServerTrouble(
				new MailSendException("Mail server connection failed", greeting, Map.of("message", greeting))))
			.isTrue();
	}

	private static MailSendException refused(MessagingException reply) {
		return new MailSendException(Map.of("message", new SendFailedException("Invalid Addresses", reply)));
	}
}
