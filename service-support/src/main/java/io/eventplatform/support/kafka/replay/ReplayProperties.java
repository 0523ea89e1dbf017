package io.eventplatform.support.kafka.replay;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param path where the admin endpoint listens, e.g. {@code /api/notifications/admin/replay}; no endpoint without it
 * @param listenerIds the ids of the {@code @KafkaListener}s whose groups a replay rewinds; all of the service's when
 * empty (the default)
 * @param emptyGroupTimeout how long the instance that took the call waits for every member to leave the groups
 * (every instance stops its listeners of those groups) before it gives up and answers 409
 * @param pauseDeadline how long an instance keeps its listeners stopped when no resume comes (the instance that took
 * the call died): longer than {@code emptyGroupTimeout}, so a replay in progress is never cut short
 */
@ConfigurationProperties("platform.kafka.replay")
record ReplayProperties(String path, @DefaultValue List<String> listenerIds,
		@DefaultValue("30s") Duration emptyGroupTimeout, @DefaultValue("2m") Duration pauseDeadline) {

	ReplayProperties {
		if (pauseDeadline.compareTo(emptyGroupTimeout) <= 0) {
			throw new IllegalArgumentException("platform.kafka.replay.pause-deadline (" + pauseDeadline
					+ ") must be longer than platform.kafka.replay.empty-group-timeout (" + emptyGroupTimeout + ")");
		}
	}
}
