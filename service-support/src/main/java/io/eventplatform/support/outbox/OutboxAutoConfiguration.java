package io.eventplatform.support.outbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.eventplatform.support.kafka.EventPublisher;

/** Active in the services that keep Spring Modulith's event publication registry (those with a database). */
@AutoConfiguration
@ConditionalOnClass(IncompleteEventPublications.class)
@EnableConfigurationProperties(OutboxProperties.class)
@EnableAsync
@EnableScheduling
class OutboxAutoConfiguration {

	@Bean
	OutboxRelay outboxRelay(EventPublisher eventPublisher, OutboxProperties properties) {
		return new OutboxRelay(eventPublisher, properties);
	}

	@Bean
	OutboxRetry outboxRetry(IncompleteEventPublications incompleteEventPublications) {
		return new OutboxRetry(incompleteEventPublications);
	}
}
