package io.eventplatform.notification.delivery;

/** Where one message to one recipient stands. */
public enum DeliveryStatus {

	/** Handed to the SMTP server. */
	SENT,
	/** Could not be delivered (the cause is recorded); the event went to the dead-letter topic. */
	FAILED,
	/** An alert that came within the throttling interval of another: it waits for the digest at the interval's end. */
	HELD,
	/** A held alert that went out as part of a digest (see the delivery's digest id). */
	COLLAPSED,
	/** Not sent because the recipient opted out of non-critical mail. */
	SUPPRESSED

}
