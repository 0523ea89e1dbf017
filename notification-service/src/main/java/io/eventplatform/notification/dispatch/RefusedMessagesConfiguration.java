package io.eventplatform.notification.dispatch;

import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
class RefusedMessagesConfiguration {

	/** Retrying a message the server refused for good only delays the next event. */
	RefusedMessagesConfiguration(DefaultErrorHandler errorHandler) {
		errorHandler.addNotRetryableExceptions(MessagePermanentlyRefusedException.class);
	}
}
