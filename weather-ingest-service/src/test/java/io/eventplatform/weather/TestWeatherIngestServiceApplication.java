package io.eventplatform.weather;

import org.springframework.boot.SpringApplication;

import io.eventplatform.support.testing.KafkaContainerConfiguration;

/**
 * The service against Kafka in containers, with the settings of production:
 * {@code ./mvnw -pl weather-ingest-service spring-boot:test-run} (needs Docker; the containers stop with the application).
 */
public class TestWeatherIngestServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(WeatherIngestServiceApplication::main)
			.with(KafkaContainerConfiguration.class)
			.run(args);
	}
}
