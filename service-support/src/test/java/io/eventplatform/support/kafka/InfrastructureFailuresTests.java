package io.eventplatform.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import io.eventplatform.contract.kafka.InvalidEventException;

class InfrastructureFailuresTests {

	@Test
	void shouldTreatAnUnreachableServerAnywhereInTheCauseChainAsTransient() {
		Exception smtpDown = new ListenerExecutionFailedException("listener failed",
				new IllegalStateException("Mail server connection failed", new ConnectException("Connection refused")));

		assertThat(InfrastructureFailures.isTransient(smtpDown)).isTrue();
		assertThat(InfrastructureFailures.isTransient(new DataAccessResourceFailureException("db down"))).isTrue();
	}

	@Test
	void shouldTreatAFailureAServiceMarksAsTransientAsTransient() {
		Exception credentialsRefused = new ListenerExecutionFailedException("listener failed",
				new TransientFailureException("535 5.7.8 Authentication credentials invalid"));

		assertThat(InfrastructureFailures.isTransient(credentialsRefused)).isTrue();
	}

	@Test
	void shouldLetFailuresOfTheRecordItselfGoToTheDeadLetterTopic() {
		assertThat(InfrastructureFailures.isTransient(new InvalidEventException("header ce_id is missing"))).isFalse();
		assertThat(InfrastructureFailures.isTransient(new DataIntegrityViolationException("duplicate"))).isFalse();
		assertThat(InfrastructureFailures.isTransient(
				new ListenerExecutionFailedException("failed", new IllegalArgumentException("bad address"))))
			.isFalse();
	}
}
