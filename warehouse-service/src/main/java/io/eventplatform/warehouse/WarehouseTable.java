package io.eventplatform.warehouse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import io.eventplatform.contract.EventEnvelope;

/**
 * One warehouse table: how an event becomes a row, and how rows are read back a page at a time. Every table starts
 * with the event's metadata and when the row was written, and has a primary key that writing an event a second time
 * runs into, so that it changes nothing: the event id, or for readings the station and observed-at time the event id
 * is derived from (V2__weather_readings_natural_key.sql).
 *
 * @param <T> the event this table stores
 */
abstract class WarehouseTable<T> {

	private static final String METADATA_COLUMNS = "event_id, event_time, event_source, written_at";

	private final JdbcTemplate jdbc;

	private final String table;

	private final String insert;

	/**
	 * @param dataColumns the columns of the event's fields, in the order {@link #bind} sets them
	 */
	WarehouseTable(JdbcTemplate jdbc, String table, String dataColumns) {
		this.jdbc = jdbc;
		this.table = table;
		int parameters = 4 + dataColumns.split(",").length;
		// Both H2 (in PostgreSQL mode) and PostgreSQL understand this; PostgreSQL also when two writers race.
		this.insert = "INSERT INTO " + table + " (" + METADATA_COLUMNS + ", " + dataColumns + ") VALUES ("
				+ String.join(", ", java.util.Collections.nCopies(parameters, "?")) + ") ON CONFLICT DO NOTHING";
	}

	String table() {
		return table;
	}

	/**
	 * Inserts the events that are not there yet, as one JDBC batch; the caller owns the transaction.
	 * @return how many rows were new
	 */
	int insertAll(List<EventEnvelope<T>> events, Instant writtenAt) {
		OffsetDateTime written = utc(writtenAt);
		int[][] counts = jdbc.batchUpdate(insert, events, events.size(), (statement, event) -> {
			statement.setString(1, event.id());
			statement.setObject(2, utc(event.time()));
			statement.setString(3, event.source().toString());
			statement.setObject(4, written);
			bind(statement, 5, event.data());
		});
		// A driver may answer SUCCESS_NO_INFO (-2) for a row of a rewritten batch: count what it says it inserted.
		return Arrays.stream(counts).flatMapToInt(Arrays::stream).map(count -> count > 0 ? count : 0).sum();
	}

	/** Sets the event's fields from parameter {@code first} on, in the order of the data columns. */
	abstract void bind(PreparedStatement statement, int first, T data) throws SQLException;

	/**
	 * A page of rows, newest first.
	 * @param filter SQL conditions with {@code ?} for {@code arguments}; never built from client input
	 * @param timeColumn the column {@code from} (inclusive) and {@code to} (exclusive) bound, and the order
	 */
	<R> HistoryPage<R> page(String filter, List<Object> arguments, String timeColumn, Instant from, Instant to,
			int page, int size, RowMapper<R> rows) {
		StringBuilder where = new StringBuilder(" WHERE ").append(filter);
		List<Object> parameters = new ArrayList<>(arguments);
		if (from != null) {
			where.append(" AND ").append(timeColumn).append(" >= ?");
			parameters.add(utc(from));
		}
		if (to != null) {
			where.append(" AND ").append(timeColumn).append(" < ?");
			parameters.add(utc(to));
		}
		Long total = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + where, Long.class, parameters.toArray());
		List<Object> pageParameters = new ArrayList<>(parameters);
		pageParameters.add((long) page * size);
		pageParameters.add(size);
		List<R> content = jdbc.query("SELECT * FROM " + table + where + " ORDER BY " + timeColumn
				+ " DESC, event_id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY", rows, pageParameters.toArray());
		return HistoryPage.of(content, page, size, total == null ? 0 : total);
	}

	long count() {
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return count == null ? 0 : count;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		// Every time column of the warehouse is NOT NULL.
		return Objects.requireNonNull(value, column).toInstant();
	}

	static StoredEvent metadata(ResultSet row) throws SQLException {
		return new StoredEvent(row.getString("event_id"), instant(row, "event_time"), row.getString("event_source"),
				instant(row, "written_at"));
	}
}
