package io.eventplatform.weather.readings.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.eventplatform.support.web.FieldProblem;

/**
 * Answered with 400 in the platform's shape for invalid input (an {@code errors} list of field, rule and message),
 * fields named by the reading's index. Nothing of the batch is published.
 */
class InvalidBatchException extends ErrorResponseException {

	InvalidBatchException(int invalidReadings, int readings, List<FieldProblem> problems) {
		super(HttpStatus.BAD_REQUEST, problem(invalidReadings, readings, problems), null);
	}

	private static ProblemDetail problem(int invalidReadings, int readings, List<FieldProblem> problems) {
		// The list names every problem; the detail only counts them, or a large batch would repeat it all.
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalidReadings + " of "
				+ readings + " readings are invalid; none of the batch was accepted");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", problems);
		return problem;
	}
}
