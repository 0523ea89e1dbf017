package io.eventplatform.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service's Flyway migrations on a real PostgreSQL server with the {@code postgresql} profile, and Hibernate's
 * validation of every entity against them ({@code ddl-auto: validate}: the context does not start on a mismatch). The
 * H2 path is checked by every other test of the service.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("postgresql")
public abstract class SchemaOnPostgresTest {

	@Autowired
	protected JdbcTemplate jdbc;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
	}

	/** The tables the service's migrations create. */
	protected abstract List<String> tables();

	@Test
	void shouldMigrateAnEmptyDatabaseToTheSchemaTheEntitiesExpect() {
		assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
		assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success", String.class))
			.contains("1");
		for (String table : tables()) {
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)).as(table).isZero();
		}
	}
}
