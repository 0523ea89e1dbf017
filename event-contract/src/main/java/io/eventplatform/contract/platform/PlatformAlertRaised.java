package io.eventplatform.contract.platform;

import java.time.Instant;
import java.util.Objects;

/**
 * A rule about the platform itself fired, once per episode: for example a gateway route whose error share or p99
 * latency stayed beyond its limit for several minutes. Keyed by {@link #subject()} on {@code platform.alerts}.
 *
 * @param rule the name of the rule, e.g. {@code route-error-share} or {@code route-latency-p99}
 * @param subject what the rule watches, e.g. the route {@code GET /api/users/{id}}
 * @param explanation what happened, for a human reader
 * @param observed the value beyond the limit in the last minute of the episode so far (a share from 0 to 1, or
 * milliseconds)
 * @param threshold the configured limit, in the unit of {@code observed}
 * @param since the start of the first minute (event time) of the episode
 * @param observedAt the end of the minute (event time) that made the rule fire
 */
public record PlatformAlertRaised(String rule, String subject, String explanation, double observed, double threshold,
		Instant since, Instant observedAt) {

	public PlatformAlertRaised {
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(explanation, "explanation");
		Objects.requireNonNull(since, "since");
		Objects.requireNonNull(observedAt, "observedAt");
	}
}
