package io.eventplatform.notification.dispatch;

/**
 * The SMTP server refused a message of an event for now (an SMTP 4xx reply): the event is retried with back-off and
 * then set aside in the dead-letter topic. The refusal is recorded with the delivery.
 */
class MessageRefusedException extends RuntimeException {

	MessageRefusedException(String message) {
		super(message);
	}
}
