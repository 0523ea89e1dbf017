package io.eventplatform.notification.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import io.eventplatform.contract.platform.PlatformAlertRaised;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.weather.WeatherAlertRaised;
import io.eventplatform.notification.delivery.Delivery;
import io.eventplatform.notification.delivery.MailContent;
import io.eventplatform.notification.delivery.MailDelivery;
import io.eventplatform.notification.delivery.NotificationType;
import io.eventplatform.notification.delivery.Recipient;

/**
 * Sends the digests of the intervals that ended. Each digest is sent in a transaction that holds its window's row
 * lock, and the window is marked released in it: every instance may look, one sends, none sends twice. If the SMTP
 * server cannot be reached, nothing changes and the next round tries again.
 */
@Component
class DigestRelease {

	private static final Logger log = LoggerFactory.getLogger(DigestRelease.class);

	private final AlertWindows windows;

	private final MailDelivery delivery;

	private final MessageComposer messages;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DigestRelease(AlertWindows windows, MailDelivery delivery, MessageComposer messages, JsonMapper json,
			TransactionTemplate transactions, Clock clock) {
		this.windows = windows;
		this.delivery = delivery;
		this.messages = messages;
		this.json = json;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${platform.notification.throttle.flush-every:5s}",
			initialDelayString = "${platform.notification.throttle.flush-every:5s}")
	void releaseDueDigests() {
		for (UUID window : windows.findDigestsDueAt(clock.instant())) {
			try {
				transactions.executeWithoutResult(status -> release(window));
			}
			catch (RuntimeException ex) {
				log.warn("Digest of alert window {} not sent yet, trying again in the next round: {}", window,
						ex.toString());
			}
		}
	}

	private void release(UUID id) {
		AlertWindow window = windows.lock(id).orElse(null);
		Instant now = clock.instant();
		if (window == null || !window.isDigestDueAt(now)) {
			return; // another instance sent it meanwhile
		}
		List<Delivery> held = delivery.held(window.getType(), window.getConcerning(), window.getRecipient());
		if (!held.isEmpty()) {
			Locale language = Locale.forLanguageTag(held.get(0).getLanguage());
			NotificationType digestType = digestOf(window.getType());
			List<HeldAlert<?>> alerts = held.stream().<HeldAlert<?>>map(this::alertOf).toList();
			MailContent content = messages.digest(digestType, window.getConcerning(), alerts, language);
			delivery.sendDigest(digestType, new Recipient(window.getRecipient(), language), window.getConcerning(),
					content, held);
			log.info("Sent a digest of {} {} messages", held.size(), window.getType());
		}
		window.released();
	}

	private HeldAlert<?> alertOf(Delivery held) {
		Class<?> data = switch (held.getType()) {
			case FRAUD_ALERT -> FraudSuspected.class;
			case PLATFORM_ALERT -> PlatformAlertRaised.class;
			default -> WeatherAlertRaised.class;
		};
		JavaType type = json.getTypeFactory().constructParametricType(HeldAlert.class, data);
		return json.readValue(held.getPayload(), type);
	}

	private static NotificationType digestOf(NotificationType type) {
		return switch (type) {
			case FRAUD_ALERT -> NotificationType.FRAUD_ALERT_DIGEST;
			case WEATHER_ALERT -> NotificationType.WEATHER_ALERT_DIGEST;
			case PLATFORM_ALERT -> NotificationType.PLATFORM_ALERT_DIGEST;
			default -> throw new IllegalArgumentException(type + " is not throttled");
		};
	}
}
