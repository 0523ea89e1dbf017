package io.eventplatform.support.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.eventplatform.contract.Topic;
import io.eventplatform.support.kafka.EventPublisher;
import io.eventplatform.support.kafka.PlatformKafkaProperties;

/**
 * Active in the services that say {@code platform.outbox.enabled=true} and keep a database: their events go through
 * the outbox. A service with a database of another purpose (warehouse-service) has none.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"io.eventplatform.support.kafka.PlatformKafkaAutoConfiguration" })
@ConditionalOnProperty(prefix = "platform.outbox", name = "enabled", havingValue = "true")
@ConditionalOnClass({ JdbcClient.class, Flyway.class, KafkaTemplate.class, MeterRegistry.class })
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
	static class TracingConfiguration {

		@Bean
		OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
			Tracer available = tracer.getIfAvailable();
			Propagator propagation = propagator.getIfAvailable();
			return available == null || propagation == null ? OutboxTracing.NONE
					: new MicrometerOutboxTracing(available, propagation);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.micrometer.tracing.Tracer")
	static class NoTracingConfiguration {

		@Bean
		OutboxTracing outboxTracing() {
			return OutboxTracing.NONE;
		}
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
			// The count alone cannot tell a busy outbox from a stuck one; the age of its oldest row can.
			Gauge.builder("platform.outbox.oldest.age.seconds", () -> oldestAgeSeconds(jdbc, topic))
				.description("How long the oldest event stored and not yet acknowledged by the broker has waited; 0 if none")
				.tag("type", topic.eventType().getSimpleName())
				.register(meters);
		}
		return new Outbox(jdbc, relay, outboxTracing);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	static class OutboxHealthConfiguration {

		@Bean
		@ConditionalOnEnabledHealthIndicator("outboxRelay")
		OutboxRelayHealthIndicator outboxRelayHealthIndicator(OutboxRelay relay) {
			return new OutboxRelayHealthIndicator(relay);
		}
	}

	/**
	 * Measured against the database's clock, which wrote {@code created_at} ({@code CURRENT_TIMESTAMP}), so that a
	 * clock difference between the service and the database never shows as age.
	 */
	private static double oldestAgeSeconds(JdbcClient jdbc, Topic<?> topic) {
		return jdbc.sql("SELECT MIN(created_at), CURRENT_TIMESTAMP FROM platform_outbox WHERE type = :type")
			.param("type", topic.cloudEventType())
			.query((row, number) -> {
				OffsetDateTime oldest = row.getObject(1, OffsetDateTime.class);
				OffsetDateTime now = row.getObject(2, OffsetDateTime.class);
				return oldest == null || now == null ? 0.0
						: Math.max(0, Duration.between(oldest, now).toNanos() / 1e9);
			})
			.single();
	}

	private static long pending(JdbcClient jdbc, Topic<?> topic) {
		return jdbc.sql("SELECT COUNT(*) FROM platform_outbox WHERE type = :type")
			.param("type", topic.cloudEventType())
			.query(Long.class)
			.single();
	}
}
