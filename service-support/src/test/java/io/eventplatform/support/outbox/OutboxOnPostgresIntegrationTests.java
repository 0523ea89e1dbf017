package io.eventplatform.support.outbox;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox's tests again, with the {@code postgresql} profile on a real PostgreSQL server (started from Maven
 * Central's binaries, no Docker): its row locking and paging SQL, not only H2's reading of it.
 */
@ActiveProfiles("postgresql")
class OutboxOnPostgresIntegrationTests extends OutboxIntegrationTests {

	static EmbeddedPostgres postgres;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) throws IOException {
		postgres = EmbeddedPostgres.start();
		registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}
}
