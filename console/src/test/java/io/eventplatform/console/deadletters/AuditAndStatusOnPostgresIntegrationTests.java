package io.eventplatform.console.deadletters;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.eventplatform.console.audit.AuditLog;
import io.eventplatform.support.testing.EmbeddedPostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's Flyway schema, audit log and dead-letter claims on a real PostgreSQL, as the {@code prod} profile
 * (which includes {@code postgresql}) runs them; every other test runs them on H2.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("postgresql")
@Import({ AuditLog.class, DeadLetterStatuses.class, AuditAndStatusOnPostgresIntegrationTests.FixedClock.class })
class AuditAndStatusOnPostgresIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
	}

	@TestConfiguration
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
		}
	}

	@Autowired
	AuditLog audit;

	@Autowired
	DeadLetterStatuses statuses;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldKeepTheAuditLogNewestFirstAndClaimADeadLetterOnlyOnce() {
		// Given
		audit.record("operator", "dead-letters.redrive", "orders-dlt", "partition:offset 0:1", 1);
		audit.record("operator", "dead-letters.discard", "orders-dlt", "partition:offset 0:2", 1);

		// When
		boolean first = statuses.claim("orders-dlt", 0, 1, DeadLetterStatuses.REDRIVEN, "operator");
		boolean second = statuses.claim("orders-dlt", 0, 1, DeadLetterStatuses.DISCARDED, "someone");

		// Then
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
		assertThat(audit.page(0, 10)).extracting(AuditLog.AuditEntry::action)
			.containsExactly("dead-letters.discard", "dead-letters.redrive");
		assertThat(audit.page(0, 10).get(0).occurredAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(statuses.of("orders-dlt").get("0:1").status()).isEqualTo(DeadLetterStatuses.REDRIVEN);
	}
}
