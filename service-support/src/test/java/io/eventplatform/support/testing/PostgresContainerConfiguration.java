package io.eventplatform.support.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL server in a container whose URL and credentials replace {@code spring.datasource.*} through
 * {@code @ServiceConnection}: they win over the {@code postgresql} profile's {@code SPRING_DATASOURCE_*}
 * placeholders, so the profile's other settings (driver, Flyway, validation) apply as in production. For a service's
 * {@code Test<Service>Application} and its {@code *ContainersIntegrationTests}; needs Docker.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresContainerConfiguration {

	public static final String IMAGE = "postgres:17-alpine";

	@Bean
	@ServiceConnection
	PostgreSQLContainer postgresContainer() {
		return new PostgreSQLContainer(IMAGE);
	}
}
