package io.eventplatform.support.kafka;

/**
 * A failure that is not the record's fault and passes with time (a server that refuses work for now, or refuses the
 * service's credentials until they are fixed): the shared error handler retries the record with back-off until it
 * succeeds and never sends it to the dead-letter topic. Services throw a subclass for failures of their own
 * infrastructure that no cause in the chain marks as transient.
 */
public class TransientFailureException extends RuntimeException {

	public TransientFailureException(String message) {
		super(message);
	}

	public TransientFailureException(String message, Throwable cause) {
		super(message, cause);
	}
}
