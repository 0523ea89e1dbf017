package io.eventplatform.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every message to every recipient with the event that caused it, and sends it at most once. A message is
 * recorded and handed to the SMTP server in one transaction: if the server cannot be reached, nothing is recorded
 * and the event is retried; a redelivered or replayed event finds the message sent and sends nothing. A message
 * the server refused is recorded as failed with the cause; it is tried again only if its event comes again.
 */
@Service
public class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	/** What became of one message to one recipient. */
	public enum Outcome {

		SENT, ALREADY_DONE, HELD, SUPPRESSED, REFUSED_PERMANENTLY, REFUSED_TEMPORARILY;

		public boolean isRefused() {
			return this == REFUSED_PERMANENTLY || this == REFUSED_TEMPORARILY;
		}

	}

	private final Deliveries deliveries;

	private final SmtpMailer mailer;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	MailDelivery(Deliveries deliveries, SmtpMailer mailer, DeliveryMetrics metrics, Clock clock) {
		this.deliveries = deliveries;
		this.mailer = mailer;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** Whether this event's message of this type has been dealt with for this recipient (anything but failed). */
	public boolean isDone(String eventId, NotificationType type, String recipient) {
		return deliveries.findByEventIdAndTypeAndRecipient(eventId, type, recipient)
			.filter(delivery -> delivery.getStatus() != DeliveryStatus.FAILED)
			.isPresent();
	}

	@Transactional
	public Outcome send(String eventId, NotificationType type, Recipient to, @Nullable String concerning,
			MailContent content) {
		Optional<Delivery> existing = deliveries.findByEventIdAndTypeAndRecipient(eventId, type, to.email());
		if (existing.isPresent() && existing.get().getStatus() != DeliveryStatus.FAILED) {
			log.info("Event {} already caused its {} message to this recipient, not sending it again", eventId, type);
			return Outcome.ALREADY_DONE;
		}
		Delivery delivery = existing.orElseGet(() -> new Delivery(eventId, type, to.email(),
				content.language().toLanguageTag(), concerning, content.subject(), clock.instant()));
		return send(delivery, to, content);
	}

	@Transactional
	public Outcome suppress(String eventId, NotificationType type, Recipient to, String subject, String reason) {
		if (deliveries.findByEventIdAndTypeAndRecipient(eventId, type, to.email()).isPresent()) {
			return Outcome.ALREADY_DONE;
		}
		Delivery delivery = new Delivery(eventId, type, to.email(), to.language().toLanguageTag(), null, subject,
				clock.instant());
		delivery.suppressed(reason, clock.instant());
		deliveries.saveAndFlush(delivery);
		metrics.count(type, DeliveryStatus.SUPPRESSED);
		log.info("Event {} caused no {} message: {}", eventId, type, reason);
		return Outcome.SUPPRESSED;
	}

	/** Holds an alert for the digest that goes out at {@code releaseAt}; call within the throttle's lock. */
	@Transactional
	public Outcome hold(String eventId, NotificationType type, Recipient to, String concerning, String subject,
			Instant releaseAt, String payload) {
		Optional<Delivery> existing = deliveries.findByEventIdAndTypeAndRecipient(eventId, type, to.email());
		if (existing.isPresent() && existing.get().getStatus() != DeliveryStatus.FAILED) {
			return Outcome.ALREADY_DONE;
		}
		Delivery delivery = existing.orElseGet(() -> new Delivery(eventId, type, to.email(),
				to.language().toLanguageTag(), concerning, subject, clock.instant()));
		delivery.held(releaseAt, payload, clock.instant());
		deliveries.saveAndFlush(delivery);
		metrics.count(type, DeliveryStatus.HELD);
		log.info("Held {} of event {} until {}", type, eventId, releaseAt);
		return Outcome.HELD;
	}

	/** The alerts held for one recipient about one account or station, oldest first. */
	public List<Delivery> held(NotificationType type, String concerning, String recipient) {
		return deliveries.findByTypeAndConcerningAndRecipientAndStatusOrderByCreatedAtAsc(type, concerning, recipient,
				DeliveryStatus.HELD);
	}

	/**
	 * Sends the held alerts as one digest and marks them collapsed into it; call within the throttle's lock. If the
	 * server refuses the digest for good, the alerts are marked failed with the digest; if it refuses it for now,
	 * nothing changes (an exception rolls the transaction back).
	 */
	@Transactional
	public Outcome sendDigest(NotificationType digestType, Recipient to, String concerning, MailContent content,
			List<Delivery> held) {
		Delivery digest = new Delivery(null, digestType, to.email(), content.language().toLanguageTag(), concerning,
				content.subject(), clock.instant());
		Outcome outcome = send(digest, to, content);
		if (outcome == Outcome.REFUSED_TEMPORARILY) {
			// Rolls back: the alerts stay held and the next round tries the digest again, as after a server that
			// could not be reached. Marked failed they would never go out, since no event brings them again.
			throw new MailServerUnavailableException("The SMTP server refused a " + digestType + " for now");
		}
		for (Delivery alert : held) {
			if (outcome == Outcome.SENT) {
				alert.collapsedInto(digest.getId(), clock.instant());
				metrics.count(alert.getType(), DeliveryStatus.COLLAPSED);
			}
			else {
				alert.failed(Objects.requireNonNull(digest.getCause(), "a refused digest has a cause"), clock.instant());
				metrics.count(alert.getType(), DeliveryStatus.FAILED);
			}
		}
		return outcome;
	}

	private Outcome send(Delivery delivery, Recipient to, MailContent content) {
		// Recorded before it is sent: a second instance sending the same message meets the unique key and waits or
		// fails instead of sending it too.
		delivery.sent(clock.instant());
		deliveries.saveAndFlush(delivery);
		Optional<Rejection> rejection = mailer.send(to.email(), content);
		if (rejection.isPresent()) {
			delivery.failed(rejection.get().cause(), clock.instant());
			metrics.count(delivery.getType(), DeliveryStatus.FAILED);
			// The cause often names the address: it is in the delivery's record, not in the log.
			log.warn("The SMTP server refused the {} message {} ({})", delivery.getType(), delivery.getId(),
					rejection.get().permanent() ? "permanently" : "for now");
			return rejection.get().permanent() ? Outcome.REFUSED_PERMANENTLY : Outcome.REFUSED_TEMPORARILY;
		}
		metrics.count(delivery.getType(), DeliveryStatus.SENT);
		log.info("Sent {} message {} for event {}", delivery.getType(), delivery.getId(), delivery.getEventId());
		return Outcome.SENT;
	}
}
