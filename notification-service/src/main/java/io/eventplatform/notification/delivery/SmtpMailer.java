package io.eventplatform.notification.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.eventplatform.notification.NotificationProperties;

/**
 * Hands one message to the SMTP server as {@code multipart/alternative} (plain text and HTML), built by Spring's
 * {@link MimeMessageHelper}. A refusal of the message is answered as a {@link Rejection}; trouble of the server rather
 * than of the message (unreachable, a 421 greeting or reply, refused credentials) is a
 * {@link MailServerUnavailableException}, so that the caller's transaction rolls back and the event is retried until
 * the server takes mail again.
 */
@Component
class SmtpMailer {

	/** 421: the server closes the session, whatever the message (RFC 5321, 3.8). */
	private static final int SERVICE_NOT_AVAILABLE = 421;

	/**
	 * Replies about the service's own authentication (RFC 4954): a configuration problem, not the message's; 454 is
	 * a temporary authentication failure, 530 authentication required, 534 mechanism too weak, 535 credentials
	 * invalid, 538 encryption required.
	 */
	private static final Set<Integer> AUTHENTICATION_REPLIES = Set.of(454, 530, 534, 535, 538);

	private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

	private final JavaMailSender mailSender;

	private final NotificationProperties properties;

	private final MailServerHealthIndicator mailServer;

	SmtpMailer(JavaMailSender mailSender, NotificationProperties properties, MailServerHealthIndicator mailServer) {
		this.mailSender = mailSender;
		this.properties = properties;
		this.mailServer = mailServer;
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
			mailServer.available();
			return Optional.empty();
		}
		catch (MailAuthenticationException ex) {
			log.error("The SMTP server refuses the credentials (spring.mail.username, spring.mail.password): no mail "
					+ "goes out until they are fixed, it waits and is retried. {}", ex.getMessage());
			throw unavailable(ex);
		}
		catch (MailSendException ex) {
			if (isServerTrouble(ex)) {
				throw unavailable(ex);
			}
			Rejection rejection = ex.getMessageExceptions().length == 0 ? new Rejection(describe(ex), false)
					: rejection(ex.getMessageExceptions()[0]);
			if (rejection.permanent()) {
				mailServer.available();
			}
			else {
				mailServer.unavailable("refused a message for now");
			}
			return Optional.of(rejection);
		}
	}

	private MailServerUnavailableException unavailable(MailException ex) {
		mailServer.unavailable(ex instanceof MailAuthenticationException ? "refuses the credentials" : "unavailable");
		return new MailServerUnavailableException("The SMTP server takes no mail for now: " + ex.getMessage(), ex);
	}

	/**
	 * Spring's helper nests the alternatives in {@code multipart/mixed}, where attachments would go; the plain text
	 * comes first, as a client shows the last alternative it understands.
	 */
	private MimeMessage message(String to, MailContent content) throws MessagingException {
		MimeMessageHelper message = new MimeMessageHelper(mailSender.createMimeMessage(),
				MimeMessageHelper.MULTIPART_MODE_MIXED, StandardCharsets.UTF_8.name());
		message.setValidateAddresses(true);
		message.setFrom(new InternetAddress(properties.from(), true));
		InternetAddress[] recipients = InternetAddress.parse(to, true);
		if (recipients.length != 1) {
			throw new MessagingException("Not exactly one recipient address");
		}
		message.setTo(recipients[0]);
		message.setSubject(content.subject());
		message.setText(content.text(), content.html());
		message.getMimeMessage().setHeader("Content-Language", content.language().toLanguageTag());
		message.getMimeMessage().saveChanges();
		return message.getMimeMessage();
	}

	/**
	 * Whether a failure is the server's or the connection's rather than one message's: every other message would
	 * meet it too. Spring reports a server it could not reach, or whose greeting was no 220 (e.g. 421), as the cause
	 * (refused messages come without one); a 421 reply or an authentication reply may also come later in the session.
	 */
	static boolean isServerTrouble(MailSendException ex) {
		int code = ex.getMessageExceptions().length == 0 ? -1 : replyCode(ex.getMessageExceptions()[0]);
		if (code > 0) {
			return code == SERVICE_NOT_AVAILABLE || AUTHENTICATION_REPLIES.contains(code);
		}
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
			int code = ownReplyCode(cause);
			if (code > 0) {
				return new Rejection(describe(cause).strip(), !(code >= 400 && code < 500));
			}
		}
		return new Rejection(describe(failure), true);
	}

	/** The message, or the exception's name where it has none: the delivery's cause is never empty. */
	private static String describe(Throwable failure) {
		return Objects.requireNonNullElse(failure.getMessage(), failure.toString());
	}

	private static int replyCode(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			int code = ownReplyCode(cause);
			if (code > 0) {
				return code;
			}
		}
		return -1;
	}

	private static int ownReplyCode(Throwable failure) {
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
