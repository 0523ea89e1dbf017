package io.eventplatform.notification.dispatch;

import io.eventplatform.support.kafka.TransientFailureException;

/**
 * The SMTP server refused a message of an event for now (an SMTP 4xx reply, e.g. greylisting): the event is retried
 * with back-off until the server takes the message, never set aside. The refusal is recorded with the delivery.
 */
class MessageRefusedException extends TransientFailureException {

	MessageRefusedException(String message) {
		super(message);
	}
}
