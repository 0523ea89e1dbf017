package io.eventplatform.notification.dispatch;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import io.eventplatform.notification.NotificationProperties;
import io.eventplatform.notification.delivery.MailContent;
import io.eventplatform.notification.delivery.MailDelivery;
import io.eventplatform.notification.delivery.MailDelivery.Outcome;
import io.eventplatform.notification.delivery.NotificationType;
import io.eventplatform.notification.delivery.Recipient;

/**
 * Collapses bursts: the first alert about an account or station goes to a recipient at once and opens an interval;
 * the alerts that follow within it are held (recorded with their facts, so a restart loses none) and go out as one
 * digest when it ends ({@link DigestRelease}). The window's row is locked for the whole decision, so instances
 * consuming the same alerts during a rebalance, and the digest going out, are serialised by the database.
 */
@Component
class AlertThrottle {

	private final AlertWindows windows;

	private final MailDelivery delivery;

	private final NotificationProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	AlertThrottle(AlertWindows windows, MailDelivery delivery, NotificationProperties properties, JsonMapper json, Clock clock) {
		this.windows = windows;
		this.delivery = delivery;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	Outcome deliver(String eventId, NotificationType type, Recipient to, String concerning, MailContent content,
			HeldAlert<?> alert) {
		if (delivery.isDone(eventId, type, to.email())) {
			return Outcome.ALREADY_DONE;
		}
		AlertWindow window = windows.findByTypeAndConcerningAndRecipient(type, concerning, to.email())
			.orElseGet(() -> windows.saveAndFlush(new AlertWindow(type, concerning, to.email())));
		Instant now = clock.instant();
		// A digest that is due but not yet out takes this alert too, rather than overtaking it.
		if (window.isOpenAt(now) || window.isDigestDueAt(now)) {
			window.holding();
			return delivery.hold(eventId, type, to, concerning, content.subject(), window.getClosesAt(),
					json.writeValueAsString(alert));
		}
		Outcome outcome = delivery.send(eventId, type, to, concerning, content);
		if (outcome == Outcome.SENT) {
			window.open(now.plus(properties.throttle().interval()));
		}
		return outcome;
	}
}
