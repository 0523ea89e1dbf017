package io.eventplatform.console.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

import io.eventplatform.console.ConsoleProperties;

/**
 * The console's Kafka clients, all from the platform's Kafka settings (bootstrap servers, security) and all with
 * client ids starting {@code console-}, so the broker's logs, quotas and ACLs recognise them.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleKafkaConfiguration {

	@Bean(destroyMethod = "close")
	Admin consoleAdmin(KafkaAdmin kafkaAdmin) {
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "console-admin");
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		return Admin.create(config);
	}

	@Bean
	KafkaReads kafkaReads(org.springframework.kafka.core.ConsumerFactory<?, ?> consumerFactory,
			ConsoleProperties properties) {
		return new KafkaReads(consumerFactory.getConfigurationProperties(), properties.messages());
	}

	/** Redrives write bytes as they were, with the key, idempotent and acknowledged by all in-sync replicas. */
	@Bean(destroyMethod = "destroy")
	RedriveProducer redriveProducer(ProducerFactory<?, ?> producerFactory) {
		Map<String, Object> config = new HashMap<>(producerFactory.getConfigurationProperties());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "console-redrive");
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// Gives up before the redrive stops waiting (RedriveProducer, 30 s): a send it reports as failed, whose claim
		// is rolled back, can no longer land afterwards and be sent again by the next press.
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		return new RedriveProducer(new DefaultKafkaProducerFactory<byte[], byte[]>(config));
	}
}
