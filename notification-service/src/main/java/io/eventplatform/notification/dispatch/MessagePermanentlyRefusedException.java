package io.eventplatform.notification.dispatch;

/**
 * A message of an event cannot be delivered, ever (an SMTP 5xx reply to its sender, recipient or content, an address
 * that does not parse): the event goes to the dead-letter topic at once, without retries. The cause is recorded with
 * the delivery.
 */
class MessagePermanentlyRefusedException extends RuntimeException {

	MessagePermanentlyRefusedException(String message) {
		super(message);
	}
}
