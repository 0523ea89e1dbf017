package io.eventplatform.transactions.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: a request with the same Idempotency-Key is being recorded right now; retrying shortly gets its answer. */
class IdempotencyKeyInProgressException extends ErrorResponseException {

	IdempotencyKeyInProgressException() {
		super(HttpStatus.CONFLICT, problem(), null);
		getHeaders().set("Retry-After", "1");
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"A request with this Idempotency-Key is in progress; retry it in a moment to get its answer");
		problem.setTitle("Idempotency-Key in progress");
		return problem;
	}
}
