package io.eventplatform.support.kafka;

import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Changes the platform's shared {@link DefaultErrorHandler} before any listener uses it, e.g. to send a service's own
 * exception to the dead-letter topic without retries. Every such bean is applied, in {@code @Order}.
 */
@FunctionalInterface
public interface ErrorHandlerCustomizer {

	void customize(DefaultErrorHandler errorHandler);
}
