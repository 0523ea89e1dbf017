package io.eventplatform.support.durability;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a service does in the small, as a process of its own that a test can kill: it commits one row after the other
 * (a row and an outbox row in one transaction, as a request does) and reports each id on standard output only once
 * its commit has returned, as a service answers 201 only then.
 * <p>
 * Arguments: the JDBC URL, user and password.
 */
public final class CommittingProcess {

	private CommittingProcess() {
	}

	public static void main(String[] args) throws Exception {
		PrintStream out = new PrintStream(System.out, true);
		try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
				Rows rows = new Rows(connection)) {
			for (long id = 1;; id++) {
				rows.commit(id);
				out.println(id);
			}
		}
	}

	/** The two tables and one transaction per id: a row in {@code acknowledged} and one in {@code announced}. */
	static final class Rows implements AutoCloseable {

		private final Connection connection;

		private final PreparedStatement row;

		private final PreparedStatement event;

		Rows(Connection connection) throws SQLException {
			this.connection = connection;
			try (Statement ddl = connection.createStatement()) {
				ddl.execute("CREATE TABLE IF NOT EXISTS acknowledged (id BIGINT PRIMARY KEY, payload VARCHAR(200))");
				ddl.execute("CREATE TABLE IF NOT EXISTS announced (id BIGINT PRIMARY KEY, payload VARCHAR(200))");
			}
			connection.setAutoCommit(false);
			row = connection.prepareStatement("INSERT INTO acknowledged VALUES (?, ?)");
			event = connection.prepareStatement("INSERT INTO announced VALUES (?, ?)");
		}

		void commit(long id) throws SQLException {
			String payload = "row " + id + " ".repeat(100);
			for (PreparedStatement insert : new PreparedStatement[] { row, event }) {
				insert.setLong(1, id);
				insert.setString(2, payload);
				insert.executeUpdate();
			}
			connection.commit();
		}

		@Override
		public void close() throws SQLException {
			row.close();
			event.close();
		}
	}
}
