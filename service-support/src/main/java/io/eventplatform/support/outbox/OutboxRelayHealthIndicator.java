package io.eventplatform.support.outbox;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * DOWN once an {@link Error} has ended the outbox relay's thread: the service would otherwise go on accepting
 * requests (201) whose events are stored but never published. Services with an outbox put it in their readiness
 * group, so no more requests are routed to an instance in that state.
 */
class OutboxRelayHealthIndicator extends AbstractHealthIndicator {

	private final OutboxRelay relay;

	OutboxRelayHealthIndicator(OutboxRelay relay) {
		this.relay = relay;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Error failure = relay.failure();
		if (failure != null) {
			builder.down().withDetail("error", failure.toString());
		}
		else {
			builder.up();
		}
	}
}
