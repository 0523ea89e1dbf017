package io.eventplatform.transactions;

import org.springframework.boot.SpringApplication;

import io.eventplatform.support.testing.KafkaContainerConfiguration;
import io.eventplatform.support.testing.PostgresContainerConfiguration;

/**
 * The service against PostgreSQL and Kafka in containers, with the settings of production (the {@code postgresql} profile):
 * {@code ./mvnw -pl transaction-service spring-boot:test-run} (needs Docker; the containers stop with the application).
 */
public class TestTransactionServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(TransactionServiceApplication::main)
			.with(PostgresContainerConfiguration.class, KafkaContainerConfiguration.class)
			.withAdditionalProfiles("postgresql")
			.run(args);
	}
}
