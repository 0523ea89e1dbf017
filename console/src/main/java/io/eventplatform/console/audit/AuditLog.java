package io.eventplatform.console.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit log, kept in the console's own database; entries are only ever added. */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param actor the signed-in person's name
	 * @param action e.g. {@code dead-letters.redrive}
	 * @param target the topic or group acted on
	 * @param details which partitions and offsets, or what changed
	 * @param count how many records it concerned
	 */
	public void record(String actor, String action, String target, String details, int count) {
		jdbc.sql("INSERT INTO audit_entry (occurred_at, actor, action, target, details, record_count) "
				+ "VALUES (:at, :actor, :action, :target, :details, :count)")
			.param("at", Timestamp.from(clock.instant()))
			.param("actor", actor)
			.param("action", action)
			.param("target", truncate(target, 300))
			.param("details", truncate(details, 4000))
			.param("count", count)
			.update();
	}

	/** A page of the log, newest first. */
	public List<AuditEntry> page(int page, int size) {
		return jdbc.sql("SELECT id, occurred_at, actor, action, target, details, record_count FROM audit_entry "
				+ "ORDER BY occurred_at DESC, id DESC LIMIT :size OFFSET :offset")
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("details"),
					rs.getInt("record_count")))
			.list();
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();
	}

	private static String truncate(String value, int length) {
		return value.length() <= length ? value : value.substring(0, length - 1) + "…";
	}

	public record AuditEntry(long id, Instant occurredAt, String actor, String action, String target, String details,
			int count) {
	}
}
