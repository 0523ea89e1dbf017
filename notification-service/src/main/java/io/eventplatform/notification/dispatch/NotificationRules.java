package io.eventplatform.notification.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.eventplatform.contract.platform.PlatformAlertRaised;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.contract.weather.WeatherAlertRaised;
import io.eventplatform.notification.NotificationProperties;
import io.eventplatform.notification.delivery.NotificationType;
import io.eventplatform.notification.delivery.Recipient;
import io.eventplatform.notification.subscription.Subscription;
import io.eventplatform.notification.subscription.SubscriptionManagement;
import io.eventplatform.notification.subscription.Subscriptions;

/**
 * Who gets what, in one place. A new user gets a welcome (non-critical: not to an address that opted out). A fraud
 * alert goes to the account's security contacts and to the operations addresses; a weather alert to the station's
 * subscribers; an alert about the platform itself (a failing or slow route) to the operations addresses. Alerts are
 * critical (opt-outs do not apply) and throttled per account, station, or rule and route.
 */
@Component
class NotificationRules {

	private final Subscriptions subscriptions;

	private final NotificationProperties properties;

	NotificationRules(Subscriptions subscriptions, NotificationProperties properties) {
		this.subscriptions = subscriptions;
		this.properties = properties;
	}

	List<Recipient> recipientsOf(UserRegistered user) {
		return List.of(new Recipient(SubscriptionManagement.normalised(user.email()),
				properties.languageOfCountry(user.country())));
	}

	List<Recipient> recipientsOf(FraudSuspected alert) {
		List<Recipient> recipients = new ArrayList<>(subscribers(Subscription.Kind.FRAUD_ALERTS, alert.accountId()));
		recipients.addAll(operations());
		return distinct(recipients);
	}

	List<Recipient> recipientsOf(PlatformAlertRaised alert) {
		return distinct(operations());
	}

	/** What a platform alert is throttled by: its rule and subject, so a slow route does not hold its error alert. */
	static String concerning(PlatformAlertRaised alert) {
		return alert.rule() + " " + alert.subject();
	}

	List<Recipient> recipientsOf(WeatherAlertRaised alert) {
		return distinct(subscribers(Subscription.Kind.WEATHER_ALERTS, alert.stationId()));
	}

	boolean mayBeSuppressed(NotificationType type) {
		return !type.isCritical();
	}

	boolean isThrottled(NotificationType type) {
		return type == NotificationType.FRAUD_ALERT || type == NotificationType.WEATHER_ALERT
				|| type == NotificationType.PLATFORM_ALERT;
	}

	private List<Recipient> operations() {
		return properties.operationsAddresses()
			.stream()
			.map(address -> new Recipient(SubscriptionManagement.normalised(address), properties.defaultLanguage()))
			.toList();
	}

	private List<Recipient> subscribers(Subscription.Kind kind, String target) {
		return subscriptions.findByKindAndTargetOrderByCreatedAtAsc(kind, target)
			.stream()
			.map(subscription -> new Recipient(subscription.getEmail(),
					properties.supported(subscription.getLanguage())))
			.toList();
	}

	/** One message per address: an operations address that is also a security contact gets the alert once. */
	private static List<Recipient> distinct(List<Recipient> recipients) {
		Map<String, Recipient> byAddress = new LinkedHashMap<>();
		recipients.forEach(recipient -> byAddress.putIfAbsent(recipient.email(), recipient));
		return List.copyOf(byAddress.values());
	}
}
