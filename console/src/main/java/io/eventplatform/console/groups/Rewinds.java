package io.eventplatform.console.groups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import io.eventplatform.console.audit.AuditLog;
import io.eventplatform.console.platformapi.PlatformApi;
import io.eventplatform.console.web.PageProblem;

/**
 * Rewinds go through the owning service's replay API, never straight to the group's offsets: the service pauses and
 * seeks its own listeners, which works while its instances are running (a group with live members refuses an
 * outside offset reset). A preview is the same call with {@code dryRun}.
 */
@Component
class Rewinds {

	private final ConsumerGroups groups;

	private final PlatformApi api;

	private final AuditLog audit;

	Rewinds(ConsumerGroups groups, PlatformApi api, AuditLog audit) {
		this.groups = groups;
		this.api = api;
		this.audit = audit;
	}

	List<OffsetChange> preview(String groupId, RewindRequest request) {
		return changes(call(groupId, request, true));
	}

	List<OffsetChange> rewind(String groupId, RewindRequest request, String person) {
		List<OffsetChange> changes = changes(call(groupId, request, false));
		audit.record(person, "group.rewind", groupId, request.describe() + "; " + changes.stream()
			.map(change -> change.topic() + "/" + change.partition() + ": " + change.committed() + " -> " + change.offset())
			.reduce((a, b) -> a + ", " + b)
			.orElse("no partitions"), changes.size());
		return changes;
	}

	private JsonNode call(String groupId, RewindRequest request, boolean dryRun) {
		ConsumerGroups.Owner owner = groups.owner(groupId);
		if (owner == null) {
			throw new PageProblem(HttpStatus.CONFLICT, "No service owns group " + groupId
					+ " in the console's configuration (platform.console.owners), so it cannot be rewound from here");
		}
		Map<String, Object> body = new LinkedHashMap<>(request.toReplayBody());
		body.put("group", groupId);
		body.put("dryRun", dryRun);
		return api.post(owner.replayPath(), body);
	}

	private static List<OffsetChange> changes(JsonNode answer) {
		List<OffsetChange> changes = new ArrayList<>();
		for (JsonNode group : answer.path("groups")) {
			for (JsonNode partition : group.path("partitions")) {
				JsonNode committed = partition.path("committed");
				changes.add(new OffsetChange(group.path("groupId").asString(""), partition.path("topic").asString(""),
						partition.path("partition").asInt(), committed.isNumber() ? committed.asLong() : null,
						partition.path("offset").asLong()));
			}
		}
		return changes;
	}

	/** One partition's committed offset now and the offset the rewind sets (or would set). */
	record OffsetChange(String groupId, String topic, int partition, @Nullable Long committed, long offset) {
	}

	/**
	 * Where to rewind to: {@code earliest}, a {@code time}, or an {@code offset} of one topic partition.
	 */
	record RewindRequest(String to, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant time, @Nullable String topic, @Nullable Integer partition,
			@Nullable Long offset) {

		Map<String, Object> toReplayBody() {
			switch (to) {
				case "earliest":
					return Map.of("to", "earliest");
				case "time":
					if (time == null) {
						throw new PageProblem(HttpStatus.BAD_REQUEST, "A rewind to a time needs the time");
					}
					return Map.of("from", time.toString());
				case "offset":
					if (topic == null || topic.isBlank() || partition == null || offset == null || offset < 0) {
						throw new PageProblem(HttpStatus.BAD_REQUEST,
								"A rewind to an offset needs the topic, the partition and an offset of 0 or more");
					}
					return Map.of("offsets", List.of(Map.of("topic", topic, "partition", partition, "offset", offset)));
				default:
					throw new PageProblem(HttpStatus.BAD_REQUEST, "Rewind to 'earliest', 'time' or 'offset', not " + to);
			}
		}

		public String describe() {
			return switch (to) {
				case "time" -> "to time " + time;
				case "offset" -> "to offset " + offset + " of " + topic + "/" + partition;
				default -> "to " + to;
			};
		}
	}
}
