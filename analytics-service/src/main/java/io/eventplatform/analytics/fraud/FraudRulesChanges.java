package io.eventplatform.analytics.fraud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.FraudRulesChanged;
import io.eventplatform.support.kafka.EventPublisher;

/**
 * Writes a new rule set to {@code analytics.fraud-rules} and returns once the broker has it (acks=all, idempotent
 * producer); every instance's global store then picks it up. If the broker does not acknowledge, 503 with
 * {@code Retry-After}, after waiting longer than the producer's {@code delivery.timeout.ms}, so the rule set cannot
 * still arrive after the client heard it did not.
 */
@Service
public class FraudRulesChanges {

	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(FraudRulesChanges.class);

	private final EventPublisher events;

	private final Clock clock;

	private final Duration publishTimeout;

	FraudRulesChanges(EventPublisher events, Clock clock, ProducerFactory<?, ?> producerFactory) {
		this.events = events;
		this.clock = clock;
		this.publishTimeout = deliveryTimeout(producerFactory.getConfigurationProperties()).plusSeconds(1);
	}

	/** @return the rule set as written, with who changed it and when (this service's clock) */
	public FraudRules change(FraudRules requested, String changedBy) {
		Instant changedAt = clock.instant();
		FraudRulesChanged changed = new FraudRulesChanged(requested.largeAmount(), requested.maxTransactionsPerWindow(),
				requested.velocityWindow(), requested.countryChangeWindow(), requested.smallAmount(),
				requested.largeAfterSmallAmount(), requested.smallThenLargeWindow(), changedBy, changedAt);
		EventEnvelope<FraudRulesChanged> event = events.newEvent(changed, changedAt);
		try {
			events.publish(event).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw unavailable(Objects.requireNonNullElse(ex.getCause(), ex));
		}
		catch (TimeoutException ex) {
			throw unavailable(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(ex);
		}
		log.info("Fraud rules written by {}: {}", changedBy, changed);
		return FraudRules.of(changed);
	}

	private ErrorResponseException unavailable(Throwable cause) {
		log.warn("Answering 503 to a change of the fraud rules: no acknowledgement from the broker within {}: {}",
				publishTimeout, cause.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The broker did not acknowledge the new fraud rules in time; the rules in force are unchanged. "
						+ "Send them again later.");
		problem.setTitle("Fraud rules not changed");
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, cause);
		exception.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
		return exception;
	}

	private static Duration deliveryTimeout(Map<String, Object> producerConfig) {
		Object configured = producerConfig.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
		return Duration.ofMillis(Long.parseLong(String.valueOf(configured != null ? configured
				: ProducerConfig.configDef().defaultValues().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))));
	}
}
