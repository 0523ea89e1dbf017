package io.eventplatform.support.kafka;

import java.io.IOException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the infrastructure (a database or mail server that cannot be reached, a connection that broke)
 * from a failure of the record itself. Only the latter may send a record to the dead-letter topic. A service marks
 * failures of its own infrastructure with a {@link TransientFailureException}.
 */
final class InfrastructureFailures {

	private InfrastructureFailures() {
	}

	static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof RecoverableDataAccessException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException
					// Unreachable SMTP or database servers end in a ConnectException or a timeout; mail's own
					// exceptions live in a module this one does not depend on, their causes do not.
					|| cause instanceof IOException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}
}
