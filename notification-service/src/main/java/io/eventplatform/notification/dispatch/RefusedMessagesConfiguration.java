package io.eventplatform.notification.dispatch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.eventplatform.support.kafka.ErrorHandlerCustomizer;

@Configuration(proxyBeanMethods = false)
class RefusedMessagesConfiguration {

	/** Retrying a message the server refused for good only delays the next event. */
	@Bean
	ErrorHandlerCustomizer refusedMessagesGoStraightToTheDeadLetterTopic() {
		return errorHandler -> errorHandler.addNotRetryableExceptions(MessagePermanentlyRefusedException.class);
	}
}
