package io.eventplatform.weather.readings;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Answered with 503 and {@code Retry-After}: the broker did not acknowledge the readings within the bound. Retrying
 * the same readings is safe: they keep their event ids, and consumers count an id once.
 */
public class BrokerUnavailableException extends ErrorResponseException {

	BrokerUnavailableException(Duration retryAfter, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The broker did not acknowledge the readings in time. Send the same readings again later: "
						+ "they keep their ids, so a reading that did arrive is not counted twice.");
		problem.setTitle("Readings not accepted");
		return problem;
	}
}
