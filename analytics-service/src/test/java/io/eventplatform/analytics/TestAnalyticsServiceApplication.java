package io.eventplatform.analytics;

import org.springframework.boot.SpringApplication;

import io.eventplatform.support.testing.KafkaContainerConfiguration;

/**
 * The service against Kafka in a container: {@code ./mvnw -pl analytics-service spring-boot:test-run} (needs Docker;
 * the container stops with the application). analytics-service keeps no database; its state lives in Kafka Streams'
 * stores and changelogs.
 */
public class TestAnalyticsServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(AnalyticsServiceApplication::main)
			.with(KafkaContainerConfiguration.class)
			.run(args);
	}
}
