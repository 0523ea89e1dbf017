package io.eventplatform.contract.kafka;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that is not a valid platform event: a CloudEvents header missing or malformed, an unknown type, or data
 * that does not parse. Never worth a retry; consumers set such records aside.
 */
public class InvalidEventException extends SerializationException {

	public InvalidEventException(String message) {
		super(message);
	}

	public InvalidEventException(String message, Throwable cause) {
		super(message, cause);
	}
}
