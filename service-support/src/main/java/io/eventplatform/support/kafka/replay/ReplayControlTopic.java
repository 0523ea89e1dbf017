package io.eventplatform.support.kafka.replay;

import java.time.Duration;
import java.util.Map;

/**
 * The topic over which the instances of one service agree on a replay: {@code <spring.application.name>.replay-control}.
 * One per service, so that a service's Kafka user reads and writes only its own (the {@code k8s/} KafkaTopic and
 * KafkaUser resources declare the same). Its records matter for a replay's pause deadline at most, so they are kept
 * briefly.
 */
public final class ReplayControlTopic {

	/** One partition: every instance reads every record, in the order they were sent. */
	public static final int PARTITIONS = 1;

	public static final Duration RETENTION = Duration.ofHours(1);

	/** The topic's settings, as the code declares it and the KafkaTopic resource must. */
	public static final Map<String, String> CONFIG = Map.of("retention.ms", String.valueOf(RETENTION.toMillis()),
			"cleanup.policy", "delete");

	private ReplayControlTopic() {
	}

	public static String name(String applicationName) {
		return applicationName + ".replay-control";
	}
}
