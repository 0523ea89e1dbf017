package io.eventplatform.notification.delivery.web;

import java.time.Instant;
import java.util.UUID;

import io.eventplatform.notification.delivery.Delivery;
import io.eventplatform.notification.delivery.DeliveryStatus;
import io.eventplatform.notification.delivery.NotificationType;

/**
 * One message to one recipient.
 *
 * @param eventId the event that caused it; none for a digest (its alerts name it as their {@code digestId})
 * @param concerning the account or station an alert is about
 * @param cause why it failed, was held or suppressed
 * @param time when it was first recorded
 * @param updatedAt when its status last changed
 */
record DeliveryResponse(UUID id, String eventId, NotificationType type, String recipient, String language,
		String concerning, String subject, DeliveryStatus status, String cause, int attempts, UUID digestId,
		Instant time, Instant updatedAt) {

	static DeliveryResponse of(Delivery delivery) {
		return new DeliveryResponse(delivery.getId(), delivery.getEventId(), delivery.getType(),
				delivery.getRecipient(), delivery.getLanguage(), delivery.getConcerning(), delivery.getSubject(),
				delivery.getStatus(), delivery.getCause(), delivery.getAttempts(), delivery.getDigestId(),
				delivery.getCreatedAt(), delivery.getUpdatedAt());
	}
}
