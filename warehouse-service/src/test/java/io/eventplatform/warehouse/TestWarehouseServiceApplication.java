package io.eventplatform.warehouse;

import org.springframework.boot.SpringApplication;

import io.eventplatform.support.testing.KafkaContainerConfiguration;
import io.eventplatform.support.testing.PostgresContainerConfiguration;

/**
 * The service against PostgreSQL and Kafka in containers, with the settings of production (the {@code postgresql}
 * profile): {@code ./mvnw -pl warehouse-service spring-boot:test-run} (needs Docker; the containers stop with the
 * application).
 */
public class TestWarehouseServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(WarehouseServiceApplication::main)
			.with(PostgresContainerConfiguration.class, KafkaContainerConfiguration.class)
			.withAdditionalProfiles("postgresql")
			.run(args);
	}
}
