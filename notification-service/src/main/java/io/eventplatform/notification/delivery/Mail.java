package io.eventplatform.notification.delivery;

/**
 * A rendered e-mail, and why it is sent.
 *
 * @param eventId the id of the event that caused it ({@code ce_id})
 * @param kind what sort of message it is, e.g. {@code welcome}; one event sends at most one message of a kind
 */
public record Mail(String eventId, String kind, String to, String subject, String text) {
}
