package io.eventplatform.notification.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import io.eventplatform.notification.NotificationProperties;

/**
 * Hands one message to the SMTP server as {@code multipart/alternative} (plain text and HTML). A refusal of the
 * message is answered as a {@link Rejection}; a server that cannot be reached is an exception, so that the caller's
 * transaction rolls back and the event is retried until the server is back.
 */
@Component
class SmtpMailer {

	private final JavaMailSender mailSender;

	private final NotificationProperties properties;

	SmtpMailer(JavaMailSender mailSender, NotificationProperties properties) {
		this.mailSender = mailSender;
		this.properties = properties;
	}

	Optional<Rejection> send(String to, MailContent content) {
		MimeMessage message;
		try {
			message = message(to, content);
		}
		catch (MessagingException ex) {
			return Optional.of(new Rejection("Message not accepted: " + ex.getMessage(), true));
		}
		try {
			mailSender.send(message);
			return Optional.empty();
		}
		catch (MailSendException ex) {
			if (isConnectionFailure(ex)) {
				throw ex;
			}
			return Optional.of(ex.getMessageExceptions().length == 0 ? new Rejection(ex.getMessage(), false)
					: rejection(ex.getMessageExceptions()[0]));
		}
	}

	private MimeMessage message(String to, MailContent content) throws MessagingException {
		MimeMessage message = mailSender.createMimeMessage();
		message.setFrom(new InternetAddress(properties.from(), true));
		InternetAddress[] recipients = InternetAddress.parse(to, true);
		if (recipients.length != 1) {
			throw new MessagingException("Not exactly one recipient address");
		}
		recipients[0].validate();
		message.setRecipients(Message.RecipientType.TO, recipients);
		message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
		message.setHeader("Content-Language", content.language().toLanguageTag());
		MimeBodyPart text = new MimeBodyPart();
		text.setText(content.text(), StandardCharsets.UTF_8.name());
		MimeBodyPart html = new MimeBodyPart();
		html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
		// Plain text first: a client shows the last alternative it understands.
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setContent(alternative);
		message.saveChanges();
		return message;
	}

	/** Spring reports a server it could not reach as the cause; refused messages come without one. */
	private static boolean isConnectionFailure(MailSendException ex) {
		if (ex.getCause() != null) {
			return true;
		}
		for (Exception failure : ex.getMessageExceptions()) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof IOException) {
					return true;
				}
			}
		}
		return false;
	}

	/** SMTP reply codes 4xx are temporary (RFC 5321, 4.2.1); everything else is permanent. */
	static Rejection rejection(Exception failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			int code = replyCode(cause);
			if (code > 0) {
				return new Rejection(cause.getMessage().strip(), !(code >= 400 && code < 500));
			}
		}
		return new Rejection(failure.getMessage(), true);
	}

	private static int replyCode(Throwable failure) {
		if (failure instanceof SMTPAddressFailedException address) {
			return address.getReturnCode();
		}
		if (failure instanceof SMTPSenderFailedException sender) {
			return sender.getReturnCode();
		}
		if (failure instanceof SMTPSendFailedException send) {
			return send.getReturnCode();
		}
		return -1;
	}
}
