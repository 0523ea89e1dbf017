package io.eventplatform.notification.dispatch;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import io.eventplatform.notification.delivery.NotificationType;

/**
 * The throttling interval of one recipient's alerts about one account or station. Its row is also the lock that
 * keeps an alert arriving and the digest going out (on any instance) from crossing each other.
 */
@Entity
@Table(name = "alert_windows", uniqueConstraints = @UniqueConstraint(name = "uk_alert_window",
		columnNames = { "type", "concerning", "recipient" }))
class AlertWindow {

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private NotificationType type;

	@Column(nullable = false, length = 300)
	private String concerning;

	@Column(nullable = false, length = 254)
	private String recipient;

	@Column(nullable = false)
	private Instant closesAt;

	/** Whether alerts are held for a digest at {@link #closesAt}. */
	@Column(nullable = false)
	private boolean digestDue;

	protected AlertWindow() {
	}

	AlertWindow(NotificationType type, String concerning, String recipient) {
		this.id = UUID.randomUUID();
		this.type = type;
		this.concerning = concerning;
		this.recipient = recipient;
		this.closesAt = Instant.EPOCH;
	}

	boolean isOpenAt(Instant now) {
		return now.isBefore(closesAt);
	}

	void open(Instant closesAt) {
		this.closesAt = closesAt;
		this.digestDue = false;
	}

	void holding() {
		this.digestDue = true;
	}

	void released() {
		this.digestDue = false;
	}

	boolean isDigestDueAt(Instant now) {
		return digestDue && !now.isBefore(closesAt);
	}

	UUID getId() {
		return id;
	}

	NotificationType getType() {
		return type;
	}

	String getConcerning() {
		return concerning;
	}

	String getRecipient() {
		return recipient;
	}

	Instant getClosesAt() {
		return closesAt;
	}
}
