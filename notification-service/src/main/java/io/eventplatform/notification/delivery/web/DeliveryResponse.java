package io.eventplatform.notification.delivery.web;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.eventplatform.notification.delivery.Delivery;
import io.eventplatform.notification.delivery.DeliveryStatus;
import io.eventplatform.notification.delivery.NotificationType;
import io.eventplatform.support.access.PersonalData;

/**
 * One message to one recipient.
 *
 * @param eventId the event that caused it; none for a digest (its alerts name it as their {@code digestId})
 * @param concerning the account or station an alert is about
 * @param cause why it failed, was held or suppressed
 * @param time when it was first recorded
 * @param updatedAt when its status last changed
 */
record DeliveryResponse(UUID id, @Nullable String eventId, NotificationType type, String recipient, String language,
		@Nullable String concerning, @Nullable String subject, DeliveryStatus status, @Nullable String cause,
		int attempts, @Nullable UUID digestId, Instant time, Instant updatedAt) {

	static DeliveryResponse of(Delivery delivery) {
		return new DeliveryResponse(delivery.getId(), delivery.getEventId(), delivery.getType(),
				delivery.getRecipient(), delivery.getLanguage(), delivery.getConcerning(), delivery.getSubject(),
				delivery.getStatus(), delivery.getCause(), delivery.getAttempts(), delivery.getDigestId(),
				delivery.getCreatedAt(), delivery.getUpdatedAt());
	}

	/** What a client without {@code platform:admin} sees: the address masked, no subject (it may carry a name). */
	DeliveryResponse masked() {
		return new DeliveryResponse(id, eventId, type, PersonalData.maskEmail(recipient), language, concerning, null,
				status, cause, attempts, digestId, time, updatedAt);
	}
}
