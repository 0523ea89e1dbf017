package io.eventplatform.warehouse;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarehouseProperties.class)
class WarehouseConfiguration {

	static final String CONTAINER_FACTORY = "warehouseContainerFactory";

	/**
	 * Batch listeners: one poll is written in one database transaction, and its offsets are committed after that
	 * transaction (at least once, and idempotent writes make it effectively once). Boot's configurer brings the
	 * platform's error handler: a failure in a batch names the record at fault, records before it are committed, the
	 * record is retried (until the database is back, if that was the cause) or dead-lettered, the rest re-read.
	 */
	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> warehouseContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
			WarehouseProperties properties) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setBatchListener(true);
		Properties consumerProperties = new Properties();
		consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(properties.maxPollRecords()));
		factory.getContainerProperties().setKafkaConsumerProperties(consumerProperties);
		factory.setConcurrency(properties.concurrency());
		return factory;
	}
}
