package io.eventplatform.notification;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the service sends, from where and to whom besides subscribers. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from the sender of every message
 * @param operationsAddresses who gets every fraud alert (besides the account's security contacts) and every platform
 * alert
 * @param defaultLanguage the language of a recipient whose language is not known
 * @param languages the languages messages are written in
 * @param languagesByCountry a new user's language, by country (ISO 3166-1 alpha-2); other countries get the default
 * @param throttle how bursts of alerts are collapsed
 * @param mailServer how the service reports an SMTP server that takes no mail for now
 */
@ConfigurationProperties("platform.notification")
public record NotificationProperties(@DefaultValue("Event Platform <no-reply@eventplatform.io>") String from,
		@DefaultValue List<String> operationsAddresses, @DefaultValue("en") Locale defaultLanguage,
		@DefaultValue({ "en", "de" }) List<Locale> languages, @DefaultValue Map<String, Locale> languagesByCountry,
		@DefaultValue Throttle throttle, @DefaultValue MailServer mailServer) {

	/**
	 * @param interval after an alert about an account or station goes out, the alerts that follow about it within
	 * this interval are held and sent together, as one digest, when it ends
	 * @param flushEvery how often the held alerts are looked for
	 */
	public record Throttle(@DefaultValue("5m") Duration interval, @DefaultValue("5s") Duration flushEvery) {
	}

	/**
	 * @param unreadyFor after the SMTP server refused a message for now (unreachable, a 4xx reply, refused
	 * credentials), the service is not ready for this long unless the server takes a message meanwhile; longer than
	 * the longest back-off between retries ({@code platform.kafka.retry.max-interval-while-infrastructure-is-away}),
	 * so readiness stays DOWN while the retries keep meeting the refusal
	 */
	public record MailServer(@DefaultValue("2m") Duration unreadyFor) {
	}

	/** The language of a message, one of {@link #languages()}. */
	public Locale supported(@Nullable Locale requested) {
		if (requested != null) {
			for (Locale language : languages) {
				if (language.getLanguage().equals(requested.getLanguage())) {
					return language;
				}
			}
		}
		return defaultLanguage;
	}

	/** A new user's language: that of the country, if configured. */
	public Locale languageOfCountry(String country) {
		// Keys bound from environment variables arrive in lower case.
		return supported(languagesByCountry.entrySet()
			.stream()
			.filter(entry -> entry.getKey().equalsIgnoreCase(country))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null));
	}
}
