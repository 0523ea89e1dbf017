package io.eventplatform.notification.dispatch;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.eventplatform.contract.platform.PlatformAlertRaised;
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

	/**
	 * A platform alert as its messages show it: the observed value and the limit in the rule's unit (a share as a
	 * percentage, a latency in milliseconds), times formatted for the reader.
	 */
	record PlatformAlertFacts(String rule, String subject, String explanation, String observed, String threshold,
			String since, String observedAt) {
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

	MailContent platformAlert(PlatformAlertRaised alert, Locale language) {
		PlatformAlertFacts facts = facts(alert, language);
		return templates.render(NotificationType.PLATFORM_ALERT, language, Map.of("alert", facts), facts.rule(),
				facts.subject(), facts.observed(), facts.threshold(), facts.since());
	}

	MailContent digest(NotificationType digestType, String concerning, List<HeldAlert<?>> alerts, Locale language) {
		List<AlertItem> items = alerts.stream()
			.map(held -> new AlertItem(held.alert() instanceof PlatformAlertRaised platform ? facts(platform, language)
					: held.alert(), format(held.time(), language)))
			.toList();
		return templates.render(digestType, language, Map.of("concerning", concerning, "alerts", items),
				items.size(), concerning);
	}

	private static PlatformAlertFacts facts(PlatformAlertRaised alert, Locale language) {
		return new PlatformAlertFacts(alert.rule(), alert.subject(), alert.explanation(),
				figure(alert.rule(), alert.observed(), language), figure(alert.rule(), alert.threshold(), language),
				format(alert.since(), language), format(alert.observedAt(), language));
	}

	/** A share (rules named {@code ...-share}) as a percentage, a latency as whole milliseconds, anything else as is. */
	private static String figure(String rule, double value, Locale language) {
		if (rule.endsWith("-share")) {
			NumberFormat percent = NumberFormat.getPercentInstance(language);
			percent.setMaximumFractionDigits(1);
			return percent.format(value);
		}
		if (rule.contains("latency")) {
			return NumberFormat.getIntegerInstance(language).format(Math.round(value)) + " ms";
		}
		return NumberFormat.getNumberInstance(language).format(value);
	}

	private static String format(Instant time, Locale language) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(language)
			.withZone(ZoneOffset.UTC)
			.format(time) + " UTC";
	}
}
