package io.eventplatform.console.deadletters;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What has been done with each dead letter. The primary key (topic, partition, offset) lets a record be claimed once
 * only, however many people or instances press "redrive all" at the same time.
 */
@Component
class DeadLetterStatuses {

	static final String REDRIVEN = "REDRIVEN";

	static final String DISCARDED = "DISCARDED";

	private final JdbcClient jdbc;

	private final Clock clock;

	DeadLetterStatuses(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return false when the record already has a status (nothing is changed then). ON CONFLICT rather than a caught
	 * duplicate key: on PostgreSQL a failed statement would abort the redrive's transaction.
	 */
	boolean claim(String topic, int partition, long offset, String status, String actor) {
		return jdbc.sql("INSERT INTO dead_letter_status (topic, partition_id, record_offset, status, acted_by, acted_at) "
				+ "VALUES (:topic, :partition, :offset, :status, :actor, :at) ON CONFLICT DO NOTHING")
			.param("topic", topic)
			.param("partition", partition)
			.param("offset", offset)
			.param("status", status)
			.param("actor", actor)
			.param("at", Timestamp.from(clock.instant()))
			.update() == 1;
	}

	/** Status by "partition:offset", for the records of a topic that have one. */
	Map<String, Status> of(String topic) {
		Map<String, Status> statuses = new HashMap<>();
		jdbc.sql("SELECT partition_id, record_offset, status, acted_by, acted_at FROM dead_letter_status WHERE topic = :topic")
			.param("topic", topic)
			.query(rs -> {
				statuses.put(rs.getInt("partition_id") + ":" + rs.getLong("record_offset"),
						new Status(rs.getString("status"), rs.getString("acted_by"), rs.getTimestamp("acted_at").toInstant()));
			});
		return statuses;
	}

	long count(String topic) {
		return jdbc.sql("SELECT COUNT(*) FROM dead_letter_status WHERE topic = :topic").param("topic", topic).query(Long.class).single();
	}

	record Status(String status, String actedBy, java.time.Instant actedAt) {
	}
}
