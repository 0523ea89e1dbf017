package io.eventplatform.console.messages;

import java.util.List;
import java.util.Map;

/**
 * A page of records and where the pages before and after it start.
 *
 * @param records at most a page, oldest first
 * @param previous per partition, where the page before ends (exclusive)
 * @param next per partition, where the page after starts
 * @param scanned how many records were looked at (filters may skip many)
 * @param truncated whether the read stopped at its bound before the page was full
 */
public record MessagePage(List<MessageView> records, Map<Integer, Long> previous, Map<Integer, Long> next, int scanned,
		boolean truncated) {

	public static String cursor(Map<Integer, Long> positions) {
		return positions.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(entry -> entry.getKey() + ":" + entry.getValue())
			.reduce((a, b) -> a + "," + b)
			.orElse("");
	}

	public String previousCursor() {
		return cursor(previous);
	}

	public String nextCursor() {
		return cursor(next);
	}
}
