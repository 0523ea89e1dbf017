package io.eventplatform.warehouse;

import java.time.Instant;

/**
 * What the warehouse keeps of an event besides its fields.
 *
 * @param eventId the event id ({@code ce_id})
 * @param eventTime when the event happened ({@code ce_time})
 * @param eventSource who produced it ({@code ce_source})
 * @param writtenAt when the warehouse wrote the row (a replay does not change it)
 */
public record StoredEvent(String eventId, Instant eventTime, String eventSource, Instant writtenAt) {
}
