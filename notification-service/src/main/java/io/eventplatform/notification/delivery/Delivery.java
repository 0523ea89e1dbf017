package io.eventplatform.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One e-mail sent because of one event. The unique (event, kind) pair is what makes delivery idempotent. */
@Entity
@Table(name = "deliveries", uniqueConstraints = @UniqueConstraint(columnNames = { "eventId", "kind" }))
public class Delivery {

	public enum Status {

		SENT

	}

	@Id
	private UUID id;

	@Column(nullable = false)
	private String eventId;

	@Column(nullable = false, length = 40)
	private String kind;

	@Column(nullable = false, length = 254)
	private String recipient;

	@Column(nullable = false)
	private String subject;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Status status;

	@Column(nullable = false)
	private Instant createdAt;

	protected Delivery() {
	}

	Delivery(String eventId, String kind, String recipient, String subject, Status status, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.eventId = eventId;
		this.kind = kind;
		this.recipient = recipient;
		this.subject = subject;
		this.status = status;
		this.createdAt = createdAt;
	}

	public String getEventId() {
		return eventId;
	}

	public String getKind() {
		return kind;
	}

	public String getRecipient() {
		return recipient;
	}

	public Status getStatus() {
		return status;
	}
}
