package io.eventplatform.support.kafka.replay;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.security.access.prepost.PreAuthorize;

/** A replay endpoint for the services that name one in {@code platform.kafka.replay.path}. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ KafkaAdmin.class, PreAuthorize.class })
@ConditionalOnProperty("platform.kafka.replay.path")
@EnableConfigurationProperties(ReplayProperties.class)
@Import(ReplayController.class)
class ReplayAutoConfiguration {

	@Bean
	ConsumerGroupReplay consumerGroupReplay(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin,
			ReplayProperties properties) {
		return new ConsumerGroupReplay(listeners, kafkaAdmin, properties.listenerIds());
	}
}
