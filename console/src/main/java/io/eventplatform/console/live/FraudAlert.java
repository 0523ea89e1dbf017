package io.eventplatform.console.live;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A fraud alert as the live feed received it.
 *
 * @param sequence the order this console received alerts in; the stream's event id, so a reconnecting browser gets
 * exactly what it missed
 * @param eventId the event's {@code ce_id}
 * @param time the event's time: the newest of its transactions
 */
public record FraudAlert(long sequence, String eventId, Instant time, String accountId, String rule,
		String explanation, List<UUID> transactionIds) {

	public FraudAlert {
		transactionIds = List.copyOf(transactionIds);
	}
}
