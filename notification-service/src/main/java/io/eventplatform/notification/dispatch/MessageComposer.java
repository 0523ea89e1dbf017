package io.eventplatform.notification.dispatch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.contract.weather.WeatherAlertRaised;
import io.eventplatform.notification.delivery.MailContent;
import io.eventplatform.notification.delivery.NotificationType;
import io.eventplatform.notification.template.MailTemplates;

/** The facts each message shows, handed to its templates. Times are shown in UTC, in the reader's format. */
@Component
class MessageComposer {

	/** One alert in a message: the event's data and when it happened, formatted for the reader. */
	record AlertItem(Object alert, String time) {
	}

	private final MailTemplates templates;

	MessageComposer(MailTemplates templates) {
		this.templates = templates;
	}

	MailContent welcome(UserRegistered user, Locale language) {
		return templates.render(NotificationType.WELCOME, language,
				Map.of("name", user.displayName(), "email", user.email()), user.displayName());
	}

	MailContent fraudAlert(FraudSuspected alert, Instant raisedAt, Locale language) {
		return templates.render(NotificationType.FRAUD_ALERT, language,
				Map.of("alert", alert, "time", format(raisedAt, language)), alert.accountId());
	}

	MailContent weatherAlert(WeatherAlertRaised alert, Locale language) {
		return templates.render(NotificationType.WEATHER_ALERT, language,
				Map.of("alert", alert, "time", format(alert.observedAt(), language)), alert.stationId());
	}

	MailContent digest(NotificationType digestType, String concerning, List<HeldAlert<?>> alerts, Locale language) {
		List<AlertItem> items = alerts.stream()
			.map(held -> new AlertItem(held.alert(), format(held.time(), language)))
			.toList();
		return templates.render(digestType, language, Map.of("concerning", concerning, "alerts", items),
				items.size(), concerning);
	}

	private static String format(Instant time, Locale language) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(language)
			.withZone(ZoneOffset.UTC)
			.format(time) + " UTC";
	}
}
