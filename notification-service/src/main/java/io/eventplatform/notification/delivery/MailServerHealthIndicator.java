package io.eventplatform.notification.delivery;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import io.eventplatform.notification.NotificationProperties;

/**
 * DOWN from the moment the SMTP server refuses a message for now (unreachable, a 4xx reply, refused credentials)
 * until it takes or refuses one for good: the messages wait meanwhile, so the service is not ready. Spring Boot's
 * {@code mail} indicator only connects, so it sees neither a greylisting reply nor a refused message. A refusal
 * no retry repeats (the event moved to another instance) is forgotten after
 * {@code platform.notification.mail-server.unready-for}.
 */
@Component
class MailServerHealthIndicator extends AbstractHealthIndicator {

	private record Refusal(Instant at, String what) {
	}

	private final Clock clock;

	private final NotificationProperties properties;

	private volatile @Nullable Refusal lastRefusal;

	MailServerHealthIndicator(Clock clock, NotificationProperties properties) {
		this.clock = clock;
		this.properties = properties;
	}

	void available() {
		lastRefusal = null;
	}

	void unavailable(String what) {
		lastRefusal = new Refusal(clock.instant(), what);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Refusal refusal = lastRefusal;
		if (refusal != null && clock.instant().isBefore(refusal.at().plus(properties.mailServer().unreadyFor()))) {
			builder.down().withDetail("smtp", refusal.what()).withDetail("since", refusal.at().toString());
		}
		else {
			builder.up();
		}
	}
}
