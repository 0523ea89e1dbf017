package io.eventplatform.analytics.streams;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import io.eventplatform.contract.Topic;
import io.eventplatform.support.kafka.PlatformKafkaProperties;

@Configuration(proxyBeanMethods = false)
class StreamsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StreamsConfiguration.class);

	@Bean
	StreamThreadFailures streamThreadFailures(
			@Value("${platform.analytics.streams.failure-quiet-period:2m}") Duration quietPeriod) {
		return new StreamThreadFailures(quietPeriod);
	}

	/**
	 * A stream thread that dies of an unexpected error is replaced, rather than leaving the client in ERROR (not
	 * ready, but alive, so never restarted). Exactly-once processing makes the new thread resume where the old one
	 * committed. A record at fault never gets here (the error handlers dead-letter it); the failure is remembered so
	 * that readiness is DOWN while threads keep dying.
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer replaceDeadStreamThreads(StreamThreadFailures failures) {
		return factoryBean -> factoryBean.setStreamsUncaughtExceptionHandler(exception -> {
			log.error("A Kafka Streams thread failed; replacing it", exception);
			failures.record(exception);
			return StreamThreadExceptionResponse.REPLACE_THREAD;
		});
	}

	/**
	 * Records the topology cannot deserialise or process go to dead-letter topics (the handlers named in
	 * {@code application.yml} find this publisher in the streams configuration, as spring-kafka's own
	 * {@code RecoveringDeserializationExceptionHandler} does).
	 */
	@Bean
	StreamsDeadLetters streamsDeadLetters(ProducerFactory<?, ?> producerFactory, PlatformKafkaProperties kafka,
			MeterRegistry meterRegistry) {
		Map<String, Object> config = new LinkedHashMap<>(producerFactory.getConfigurationProperties());
		// Outside the stream task's transaction: Kafka 4.1's handlers cannot write into it.
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
		Set<String> inputs = kafka.consumedTopics().stream().map(Topic::name).collect(Collectors.toSet());
		return new StreamsDeadLetters(template, inputs, meterRegistry);
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer deadLetterHandlers(StreamsDeadLetters deadLetters) {
		return factoryBean -> {
			// Boot's factory bean always has the configuration of spring.kafka.streams.*.
			Properties config = Objects.requireNonNull(factoryBean.getStreamsConfiguration());
			config.put(StreamsDeadLetters.CONFIG_KEY, deadLetters);
			factoryBean.setStreamsConfiguration(config);
		};
	}

	/** Dead letters from the topology's internal topics (the inputs' own are declared with the inputs). */
	@Bean
	NewTopic internalDeadLetterTopic(PlatformKafkaProperties kafka) {
		return TopicBuilder.name(StreamsDeadLetters.INTERNAL_DEAD_LETTER_TOPIC)
			.partitions(1)
			.replicas(kafka.replicationFactor())
			.build();
	}
}
