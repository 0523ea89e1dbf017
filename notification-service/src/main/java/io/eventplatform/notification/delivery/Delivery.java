package io.eventplatform.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * One message to one recipient because of one event, and what became of it: the history the API shows. The unique
 * (event, type, recipient) triple is what makes delivery idempotent; a digest has no event of its own (its alerts
 * point to it through {@link #getDigestId()}).
 */
@Entity
@Table(name = "notification_deliveries",
		uniqueConstraints = @UniqueConstraint(name = "uk_delivery_event_type_recipient",
				columnNames = { "eventId", "type", "recipient" }),
		indexes = { @Index(name = "ix_delivery_created", columnList = "createdAt"),
				@Index(name = "ix_delivery_held", columnList = "status, releaseAt") })
public class Delivery implements Persistable<UUID> {

	@Id
	private UUID id;

	private @Nullable String eventId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private NotificationType type;

	@Column(nullable = false, length = 254)
	private String recipient;

	@Column(nullable = false, length = 10)
	private String language;

	/**
	 * The account, station or (platform alerts) rule and route the message is about, if any; alerts are throttled per
	 * this and recipient.
	 */
	@Column(length = 300)
	private @Nullable String concerning;

	@Column(nullable = false, length = 500)
	private String subject;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	@SuppressWarnings("NullAway.Init") // set by sent, held or suppressed, one of which follows the constructor
	private DeliveryStatus status;

	@Column(length = 1000)
	private @Nullable String cause;

	@Column(nullable = false)
	private int attempts;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	/** For a held alert: when its digest goes out. */
	private @Nullable Instant releaseAt;

	/** For a collapsed alert: the digest it went out in. */
	private @Nullable UUID digestId;

	/** For a held alert: the event's data, for its digest (a varchar: a LOB would be an oid on PostgreSQL). */
	@Column(length = 65_535)
	private @Nullable String payload;

	/** Its id is assigned here, so JPA is told what is new instead of finding out with a select and a merge. */
	@Transient
	private boolean isNew = true;

	protected Delivery() {
	}

	@PostLoad
	@PostPersist
	void stored() {
		this.isNew = false;
	}

	@Override
	public boolean isNew() {
		return isNew;
	}

	Delivery(@Nullable String eventId, NotificationType type, String recipient, String language,
			@Nullable String concerning, String subject, Instant now) {
		this.id = UUID.randomUUID();
		this.eventId = eventId;
		this.type = type;
		this.recipient = recipient;
		this.language = language;
		this.concerning = concerning;
		this.subject = subject;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Counts an attempt to send it, taken as successful until {@link #failed} says otherwise. */
	void sent(Instant now) {
		this.status = DeliveryStatus.SENT;
		this.cause = null;
		this.attempts++;
		this.updatedAt = now;
	}

	/** The attempt that {@link #sent} counted failed after all. */
	void failed(String cause, Instant now) {
		this.status = DeliveryStatus.FAILED;
		this.cause = cause.length() > 1000 ? cause.substring(0, 1000) : cause;
		this.updatedAt = now;
	}

	void held(Instant releaseAt, String payload, Instant now) {
		this.status = DeliveryStatus.HELD;
		this.releaseAt = releaseAt;
		this.payload = payload;
		this.cause = "Within the throttling interval of an earlier alert; goes out in a digest at " + releaseAt;
		this.updatedAt = now;
	}

	void collapsedInto(UUID digestId, Instant now) {
		this.status = DeliveryStatus.COLLAPSED;
		this.digestId = digestId;
		this.cause = "Sent in digest " + digestId;
		this.payload = null;
		this.updatedAt = now;
	}

	void suppressed(String reason, Instant now) {
		this.status = DeliveryStatus.SUPPRESSED;
		this.cause = reason;
		this.updatedAt = now;
	}

	@Override
	public UUID getId() {
		return id;
	}

	public @Nullable String getEventId() {
		return eventId;
	}

	public NotificationType getType() {
		return type;
	}

	public String getRecipient() {
		return recipient;
	}

	public String getLanguage() {
		return language;
	}

	public @Nullable String getConcerning() {
		return concerning;
	}

	public String getSubject() {
		return subject;
	}

	public DeliveryStatus getStatus() {
		return status;
	}

	public @Nullable String getCause() {
		return cause;
	}

	public int getAttempts() {
		return attempts;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public @Nullable UUID getDigestId() {
		return digestId;
	}

	public @Nullable Instant getReleaseAt() {
		return releaseAt;
	}

	public @Nullable String getPayload() {
		return payload;
	}
}
