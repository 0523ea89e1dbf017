package io.eventplatform.notification.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.platform.PlatformAlertRaised;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.contract.weather.WeatherAlertRaised;
import io.eventplatform.notification.delivery.MailContent;
import io.eventplatform.notification.delivery.MailDelivery;
import io.eventplatform.notification.delivery.MailDelivery.Outcome;
import io.eventplatform.notification.delivery.NotificationType;
import io.eventplatform.notification.delivery.Recipient;
import io.eventplatform.notification.subscription.SubscriptionManagement;

/**
 * Turns an event into its messages, one per recipient, each in its own transaction: when the SMTP server goes away
 * halfway, the retried event skips the recipients already served. Every recipient is tried before a refused message
 * fails the event, so one bad address never keeps an alert from the others.
 */
@Service
public class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final NotificationRules rules;

	private final MessageComposer messages;

	private final MailDelivery delivery;

	private final AlertThrottle throttle;

	private final SubscriptionManagement subscriptions;

	Dispatcher(NotificationRules rules, MessageComposer messages, MailDelivery delivery, AlertThrottle throttle,
			SubscriptionManagement subscriptions) {
		this.rules = rules;
		this.messages = messages;
		this.delivery = delivery;
		this.throttle = throttle;
		this.subscriptions = subscriptions;
	}

	public void userRegistered(EventEnvelope<UserRegistered> event) {
		List<Outcome> outcomes = new ArrayList<>();
		for (Recipient recipient : rules.recipientsOf(event.data())) {
			MailContent content = messages.welcome(event.data(), recipient.language());
			outcomes.add(deliver(event.id(), NotificationType.WELCOME, recipient, null, content, null));
		}
		settle(event.id(), NotificationType.WELCOME, outcomes);
	}

	public void fraudSuspected(EventEnvelope<FraudSuspected> event) {
		FraudSuspected alert = event.data();
		List<Outcome> outcomes = new ArrayList<>();
		for (Recipient recipient : rules.recipientsOf(alert)) {
			MailContent content = messages.fraudAlert(alert, event.time(), recipient.language());
			outcomes.add(deliver(event.id(), NotificationType.FRAUD_ALERT, recipient, alert.accountId(), content,
					new HeldAlert<>(event.time(), alert)));
		}
		settle(event.id(), NotificationType.FRAUD_ALERT, outcomes);
	}

	public void weatherAlertRaised(EventEnvelope<WeatherAlertRaised> event) {
		WeatherAlertRaised alert = event.data();
		List<Outcome> outcomes = new ArrayList<>();
		for (Recipient recipient : rules.recipientsOf(alert)) {
			MailContent content = messages.weatherAlert(alert, recipient.language());
			outcomes.add(deliver(event.id(), NotificationType.WEATHER_ALERT, recipient, alert.stationId(), content,
					new HeldAlert<>(alert.observedAt(), alert)));
		}
		settle(event.id(), NotificationType.WEATHER_ALERT, outcomes);
	}

	public void platformAlertRaised(EventEnvelope<PlatformAlertRaised> event) {
		PlatformAlertRaised alert = event.data();
		List<Outcome> outcomes = new ArrayList<>();
		for (Recipient recipient : rules.recipientsOf(alert)) {
			MailContent content = messages.platformAlert(alert, recipient.language());
			outcomes.add(deliver(event.id(), NotificationType.PLATFORM_ALERT, recipient, NotificationRules.concerning(alert),
					content, new HeldAlert<>(alert.observedAt(), alert)));
		}
		settle(event.id(), NotificationType.PLATFORM_ALERT, outcomes);
	}

	private Outcome deliver(String eventId, NotificationType type, Recipient recipient, @Nullable String concerning,
			MailContent content, @Nullable HeldAlert<?> alert) {
		if (rules.mayBeSuppressed(type) && subscriptions.hasOptedOut(recipient.email())) {
			return delivery.suppress(eventId, type, recipient, content.subject(),
					"The recipient opted out of non-critical mail");
		}
		if (rules.isThrottled(type)) {
			// Only alerts are throttled, and each is about an account, a station or a rule and route.
			return throttle.deliver(eventId, type, recipient, Objects.requireNonNull(concerning), content,
					Objects.requireNonNull(alert));
		}
		return delivery.send(eventId, type, recipient, concerning, content);
	}

	private static void settle(String eventId, NotificationType type, List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			log.info("Event {} has no recipient for a {} message", eventId, type);
		}
		long refused = outcomes.stream().filter(Outcome::isRefused).count();
		if (refused == 0) {
			return;
		}
		String message = "The SMTP server refused " + refused + " of the " + outcomes.size() + " " + type
				+ " messages of event " + eventId + " (see the delivery history for the causes)";
		if (outcomes.contains(Outcome.REFUSED_TEMPORARILY)) {
			throw new MessageRefusedException(message);
		}
		throw new MessagePermanentlyRefusedException(message);
	}
}
