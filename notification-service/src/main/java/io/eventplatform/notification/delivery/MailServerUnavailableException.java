package io.eventplatform.notification.delivery;

import io.eventplatform.support.kafka.TransientFailureException;

/**
 * The SMTP server takes no mail for now: it cannot be reached, greets or answers with 421, refuses the service's
 * credentials, or refuses a digest for now. No message is at fault, so nothing is recorded (the transaction rolls
 * back) and the event is retried with back-off until the server takes mail again, never set aside.
 */
final class MailServerUnavailableException extends TransientFailureException {

	MailServerUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	MailServerUnavailableException(String message) {
		super(message);
	}
}
