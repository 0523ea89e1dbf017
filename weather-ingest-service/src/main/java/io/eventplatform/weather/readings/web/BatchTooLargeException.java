package io.eventplatform.weather.readings.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answered with 413: the batch holds more readings than one request may carry. */
class BatchTooLargeException extends ErrorResponseException {

	/** Thrown while the batch is read, at its first reading beyond the limit: how many more follow is not known. */
	BatchTooLargeException(int maxReadings) {
		super(HttpStatus.CONTENT_TOO_LARGE, problem(maxReadings), null);
	}

	private static ProblemDetail problem(int maxReadings) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "A batch may hold at most "
				+ maxReadings + " readings, this one holds more; send it in smaller batches");
		problem.setTitle("Batch too large");
		problem.setProperty("maxReadings", maxReadings);
		return problem;
	}
}
