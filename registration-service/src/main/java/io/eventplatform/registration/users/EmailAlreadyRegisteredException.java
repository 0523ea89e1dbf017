package io.eventplatform.registration.users;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answered with 409: one account per e-mail address, whatever its case. */
public class EmailAlreadyRegisteredException extends ErrorResponseException {

	EmailAlreadyRegisteredException() {
		super(HttpStatus.CONFLICT, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"A user with this e-mail address is already registered");
		problem.setTitle("E-mail already registered");
		problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", "email", "rule", "unique",
				"message", "is already registered")));
		return problem;
	}
}
