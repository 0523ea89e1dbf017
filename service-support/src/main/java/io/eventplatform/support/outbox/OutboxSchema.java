package io.eventplatform.support.outbox;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The outbox table, migrated by Flyway with a history table of its own: a service's own migrations
 * ({@code db/migration}, {@code flyway_schema_history}) and the library's never compete for version numbers, and a
 * service adopts the outbox at any point of its own history.
 */
final class OutboxSchema {

	static final String HISTORY_TABLE = "platform_outbox_schema_history";

	private OutboxSchema() {
	}

	static void migrate(DataSource dataSource) {
		Flyway.configure(OutboxSchema.class.getClassLoader())
			.dataSource(dataSource)
			.locations("classpath:io/eventplatform/support/outbox/schema")
			.table(HISTORY_TABLE)
			// A database that already holds the service's tables gets the outbox's history from version 0, so V1 runs.
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}
}
