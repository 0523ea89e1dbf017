package io.eventplatform.console.platformapi;

/** A service API answered with an error or could not be reached; the message is fit to show to a person. */
public class ServiceCallFailed extends RuntimeException {

	public ServiceCallFailed(String message, Throwable cause) {
		super(message, cause);
	}
}
