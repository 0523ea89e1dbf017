package io.eventplatform.support.kafka.replay;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A record of the replay-control topic: {@code PAUSE} asks every instance to stop its listeners of {@code groupIds}
 * until {@code RESUME} with the same {@code replayId} comes, or {@code deadline} passes.
 */
record ReplayControlMessage(Type type, String replayId, List<String> groupIds, @Nullable Instant deadline) {

	ReplayControlMessage {
		groupIds = List.copyOf(groupIds);
	}

	enum Type {
		PAUSE, RESUME
	}

	static ReplayControlMessage pause(String replayId, List<String> groupIds, Instant deadline) {
		return new ReplayControlMessage(Type.PAUSE, replayId, groupIds, deadline);
	}

	static ReplayControlMessage resume(String replayId) {
		return new ReplayControlMessage(Type.RESUME, replayId, List.of(), null);
	}
}
