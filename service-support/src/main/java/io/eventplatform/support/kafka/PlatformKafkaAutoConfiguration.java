package io.eventplatform.support.kafka;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topic;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.kafka.InvalidEventException;

/**
 * The platform's topics, event publishing and listener error handling, in services that have spring-kafka (and
 * Micrometer, whose meters count what is sent and set aside).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({ KafkaTemplate.class, MeterRegistry.class })
@EnableConfigurationProperties(PlatformKafkaProperties.class)
class PlatformKafkaAutoConfiguration {

	/** The service's topics and the dead-letter topics of what it consumes, as the contract lays them out. */
	@Bean
	KafkaAdmin.NewTopics platformTopics(PlatformKafkaProperties properties) {
		List<NewTopic> topics = new ArrayList<>();
		properties.producedTopics().forEach(topic -> topics.add(newTopic(topic.name(), topic, properties)));
		for (Topic<?> topic : properties.consumedTopics()) {
			topics.add(newTopic(topic.name(), topic, properties));
			// Same partition count: the recoverer keeps a failed record's partition in the dead-letter topic.
			topics.add(newTopic(topic.deadLetterTopic(), topic, properties));
		}
		return new KafkaAdmin.NewTopics(topics.stream().distinct().toArray(NewTopic[]::new));
	}

	private static NewTopic newTopic(String name, Topic<?> topic, PlatformKafkaProperties properties) {
		return TopicBuilder.name(name)
			.partitions(topic.partitions())
			.replicas(properties.replicationFactor())
			.configs(topic.config())
			.build();
	}

	/** Observed sends never wait for the broker to tell its cluster id (see {@link NonBlockingClusterId}). */
	@Bean
	static BeanPostProcessor clusterIdOffTheSendersThread(ObjectProvider<KafkaAdmin> kafkaAdmin) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof KafkaTemplate<?, ?> template && template.getKafkaAdmin() == null) {
					KafkaAdmin admin = kafkaAdmin.getIfUnique();
					if (admin != null) {
						template.setKafkaAdmin(new NonBlockingClusterId(admin.getConfigurationProperties()));
					}
				}
				return bean;
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	EventPublisher eventPublisher(KafkaTemplate<String, EventEnvelope<?>> kafkaTemplate,
			@Value("${spring.application.name}") String applicationName, MeterRegistry meterRegistry, Clock clock) {
		return new EventPublisher(kafkaTemplate, URI.create("/" + applicationName), meterRegistry, clock);
	}

	/**
	 * Times every received event from its CloudEvents time ({@link EndToEndLatency}); Spring Boot gives it to the
	 * listener container factories as their record and batch interceptor. A service with an interceptor of its own
	 * keeps its own and goes without this timer.
	 */
	@Bean
	@ConditionalOnMissingBean({ RecordInterceptor.class, BatchInterceptor.class })
	EndToEndLatency endToEndLatency(MeterRegistry meterRegistry, Clock clock,
			@Value("${spring.application.name}") String applicationName) {
		return new EndToEndLatency(meterRegistry, clock, applicationName);
	}

	/**
	 * Retries a failing record with a bounded exponential back-off, then sends it to {@code <topic>-dlt} with the
	 * cause in its headers, and carries on with the next record. Records that are not valid events are never
	 * retried: their original bytes go to the dead-letter topic at once.
	 */
	@Bean
	@ConditionalOnMissingBean
	DefaultErrorHandler kafkaErrorHandler(ProducerFactory<?, ?> producerFactory,
			PlatformKafkaProperties properties, MeterRegistry meterRegistry,
			ObjectProvider<ErrorHandlerCustomizer> customizers) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
				deadLetterTemplate(producerFactory, meterRegistry));
		PlatformKafkaProperties.Retry retry = properties.retry();
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer, backOff);
		errorHandler.addNotRetryableExceptions(InvalidEventException.class);
		// A record is not at fault when the infrastructure under it is away or refuses work for now: retry it until
		// that is over, instead of setting it aside after a few seconds. The error handler seeks the partition back to
		// the record and its consumer thread waits out the back-off (at most max-interval-while-infrastructure-is-away,
		// well below max.poll.interval.ms): nothing is processed, skipped or committed meanwhile, and nothing spins.
		// Other listeners' consumers do not wait for it.
		ExponentialBackOff untilInfrastructureIsBack = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
		untilInfrastructureIsBack.setMaxInterval(retry.maxIntervalWhileInfrastructureIsAway().toMillis());
		errorHandler.setBackOffFunction(
				(record, failure) -> InfrastructureFailures.isTransient(failure) ? untilInfrastructureIsBack : null);
		customizers.orderedStream().forEach(customizer -> customizer.customize(errorHandler));
		return errorHandler;
	}

	/**
	 * Dead letters are either the raw bytes of a record that did not deserialise, or an event whose processing
	 * failed: one template serialises both, by type.
	 */
	private static KafkaTemplate<Object, Object> deadLetterTemplate(ProducerFactory<?, ?> producerFactory,
			MeterRegistry meterRegistry) {
		Map<String, Object> config = new LinkedHashMap<>(producerFactory.getConfigurationProperties());
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		Map<Class<?>, org.apache.kafka.common.serialization.Serializer<?>> keys = new LinkedHashMap<>();
		keys.put(String.class, new StringSerializer());
		keys.put(byte[].class, new ByteArraySerializer());
		Map<Class<?>, org.apache.kafka.common.serialization.Serializer<?>> values = new LinkedHashMap<>();
		values.put(byte[].class, new ByteArraySerializer());
		values.put(EventEnvelope.class, new EventSerializer());
		DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config,
				new DelegatingByTypeSerializer(keys), new DelegatingByTypeSerializer(values));
		// Its client metrics (records sent per dead-letter topic) feed the dashboards and alerts like every producer's.
		factory.addListener(new MicrometerProducerListener<>(meterRegistry));
		return new KafkaTemplate<>(factory);
	}

	/** Health indicators only where Spring Boot's health support is (the actuator). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	static class KafkaHealthConfiguration {

		@Bean
		@ConditionalOnEnabledHealthIndicator("kafkaListeners")
		KafkaListenersHealthIndicator kafkaListenersHealthIndicator(
				ObjectProvider<KafkaListenerEndpointRegistry> registry) {
			return new KafkaListenersHealthIndicator(registry);
		}

		@Bean
		@ConditionalOnEnabledHealthIndicator("kafka")
		KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, PlatformKafkaProperties properties) {
			return new KafkaHealthIndicator(kafkaAdmin,
					properties.producedTopics().stream().map(Topic::name).distinct().toList());
		}
	}
}
