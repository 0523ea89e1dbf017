package io.eventplatform.support.kafka.replay;

import java.time.Instant;
import java.util.List;

/** What a replay did: per listener, its group and the offsets each partition now starts from. */
public record Replay(Instant from, List<Group> groups) {

	public Replay {
		groups = List.copyOf(groups);
	}

	public record Group(String listenerId, String groupId, List<PartitionOffset> partitions) {

		public Group {
			partitions = List.copyOf(partitions);
		}
	}

	public record PartitionOffset(String topic, int partition, long offset) {
	}
}
