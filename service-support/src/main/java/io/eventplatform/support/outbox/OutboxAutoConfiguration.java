package io.eventplatform.support.outbox;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.eventplatform.contract.Topic;
import io.eventplatform.support.kafka.EventPublisher;
import io.eventplatform.support.kafka.PlatformKafkaProperties;

/**
 * Active in the services that say {@code platform.outbox.enabled=true} and keep a database: their events go through
 * the outbox. A service with a database of another purpose (analytics' warehouse) has none.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"io.eventplatform.support.kafka.PlatformKafkaAutoConfiguration" })
@ConditionalOnProperty(prefix = "platform.outbox", name = "enabled", havingValue = "true")
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnBean({ DataSource.class, PlatformTransactionManager.class })
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxAutoConfiguration {

	@Bean
	OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager,
			EventPublisher eventPublisher, OutboxProperties properties, OutboxTracing outboxTracing) {
		OutboxSchema.migrate(dataSource);
		return new OutboxRelay(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), eventPublisher, properties,
				outboxTracing, OutboxRelay.durabilityBarrier(dataSource));
	}

	@Bean
	OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		Tracer available = tracer.getIfAvailable();
		Propagator propagation = propagator.getIfAvailable();
		return available == null || propagation == null ? OutboxTracing.NONE : new OutboxTracing(available, propagation);
	}

	@Bean
	Outbox outbox(DataSource dataSource, OutboxRelay relay, PlatformKafkaProperties kafka, MeterRegistry meters,
			OutboxTracing outboxTracing) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		for (Topic<?> topic : kafka.producedTopics()) {
			Gauge.builder("platform.outbox.pending", () -> pending(jdbc, topic))
				.description("Events stored and not yet acknowledged by the broker")
				.tag("type", topic.eventType().getSimpleName())
				.register(meters);
		}
		return new Outbox(jdbc, relay, outboxTracing);
	}

	@Bean
	@ConditionalOnEnabledHealthIndicator("outboxRelay")
	OutboxRelayHealthIndicator outboxRelayHealthIndicator(OutboxRelay relay) {
		return new OutboxRelayHealthIndicator(relay);
	}

	private static long pending(JdbcClient jdbc, Topic<?> topic) {
		return jdbc.sql("SELECT COUNT(*) FROM platform_outbox WHERE type = :type")
			.param("type", topic.cloudEventType())
			.query(Long.class)
			.single();
	}
}
