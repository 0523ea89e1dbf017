package io.eventplatform.support.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A Kafka broker in a container (KRaft, broker and controller in one process, as in a local run) whose address
 * replaces {@code spring.kafka.bootstrap-servers} through {@code @ServiceConnection}. For a service's
 * {@code Test<Service>Application} and its {@code *ContainersIntegrationTests}; needs Docker.
 */
@TestConfiguration(proxyBeanMethods = false)
public class KafkaContainerConfiguration {

	/** The broker's version, as the build's kafka-clients (Boot's BOM); the GraalVM image starts in about a second. */
	public static final String IMAGE = "apache/kafka-native:4.1.0";

	@Bean
	@ServiceConnection
	KafkaContainer kafkaContainer() {
		return new KafkaContainer(IMAGE);
	}
}
