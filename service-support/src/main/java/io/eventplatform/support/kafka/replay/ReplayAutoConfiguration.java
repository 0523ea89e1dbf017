package io.eventplatform.support.kafka.replay;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * A replay endpoint for the services that name one in {@code platform.kafka.replay.path}, and the replay-control
 * topic over which the service's instances stop and start their listeners together.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class, afterName = {
		"io.eventplatform.support.kafka.PlatformKafkaAutoConfiguration",
		"io.eventplatform.support.time.PlatformClockAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ KafkaAdmin.class, PreAuthorize.class })
@ConditionalOnProperty("platform.kafka.replay.path")
@EnableConfigurationProperties(ReplayProperties.class)
@Import(ReplayController.class)
class ReplayAutoConfiguration {

	/** Declared like the platform's other topics (in Kubernetes the topic operator creates it from k8s/). */
	@Bean
	NewTopic replayControlTopic(@Value("${spring.application.name}") String applicationName,
			@Value("${platform.kafka.replication-factor:1}") short replicationFactor) {
		return TopicBuilder.name(ReplayControlTopic.name(applicationName))
			.partitions(ReplayControlTopic.PARTITIONS)
			.replicas(replicationFactor)
			.configs(ReplayControlTopic.CONFIG)
			.build();
	}

	@Bean
	ReplayControl replayControl(KafkaListenerEndpointRegistry listeners, ProducerFactory<?, ?> producerFactory,
			@Value("${spring.application.name}") String applicationName, ReplayProperties properties, Clock clock) {
		Map<String, Object> config = new LinkedHashMap<>(producerFactory.getConfigurationProperties());
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		JacksonJsonSerializer<ReplayControlMessage> values = new JacksonJsonSerializer<>();
		values.setAddTypeInfo(false);
		KafkaTemplate<String, ReplayControlMessage> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), values));
		return new ReplayControl(listeners, template, ReplayControlTopic.name(applicationName),
				properties.pauseDeadline(), clock);
	}

	/**
	 * Every partition of the control topic from its end, in no consumer group (so every instance reads every record,
	 * and nothing is committed); a record that is not a control message is logged and skipped.
	 */
	@Bean
	KafkaMessageListenerContainer<String, ReplayControlMessage> replayControlContainer(
			ConsumerFactory<?, ?> consumerFactory, ReplayControl control) {
		Map<String, Object> config = new LinkedHashMap<>(consumerFactory.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		JacksonJsonDeserializer<ReplayControlMessage> values = new JacksonJsonDeserializer<>(ReplayControlMessage.class,
				false);
		DefaultKafkaConsumerFactory<String, ReplayControlMessage> factory = new DefaultKafkaConsumerFactory<>(config,
				StringDeserializer::new, () -> new ErrorHandlingDeserializer<>(values), false);
		ContainerProperties properties = new ContainerProperties(
				new TopicPartitionOffset(control.topic(), 0, TopicPartitionOffset.SeekPosition.END));
		// No group: nothing may be committed (spring-kafka commits only acknowledged records in MANUAL mode).
		properties.setAckMode(ContainerProperties.AckMode.MANUAL);
		properties.setMessageListener(control);
		properties.setClientId("replay-control");
		KafkaMessageListenerContainer<String, ReplayControlMessage> container = new KafkaMessageListenerContainer<>(
				factory, properties);
		container.setCommonErrorHandler(new CommonLoggingErrorHandler());
		return container;
	}

	@Bean
	ConsumerGroupReplay consumerGroupReplay(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin,
			ReplayControl control, ReplayProperties properties, Clock clock) {
		return new ConsumerGroupReplay(listeners, kafkaAdmin, control, properties, clock);
	}
}
