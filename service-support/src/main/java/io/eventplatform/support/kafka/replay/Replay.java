package io.eventplatform.support.kafka.replay;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What a replay did, or would do ({@code dryRun}): per listener, its group and the offset each partition starts from.
 *
 * @param from the instant of a replay from an instant, as the answer has always carried it; absent otherwise
 */
public record Replay(@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant from, boolean dryRun,
		List<Group> groups) {

	public Replay {
		groups = List.copyOf(groups);
	}

	public record Group(String listenerId, String groupId, List<Partition> partitions) {

		public Group {
			partitions = List.copyOf(partitions);
		}
	}

	/**
	 * @param offset the offset the group reads from next (or would, in a dry run)
	 * @param committed the group's committed offset before the replay; {@code null} when it has none
	 */
	public record Partition(String topic, int partition, long offset, @Nullable Long committed) {
	}
}
