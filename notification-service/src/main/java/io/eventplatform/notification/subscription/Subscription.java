package io.eventplatform.notification.subscription;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** An e-mail address that gets the alerts about one weather station, or about one account as its security contact. */
@Entity
@Table(name = "subscriptions", uniqueConstraints = @UniqueConstraint(name = "uk_subscription",
		columnNames = { "kind", "target", "email" }))
public class Subscription {

	public enum Kind {

		/** The alerts of a weather station; the target is its station id. */
		WEATHER_ALERTS,
		/** The fraud alerts of an account, as its security contact; the target is the account id. */
		FRAUD_ALERTS

	}

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Kind kind;

	@Column(nullable = false, length = 100)
	private String target;

	@Column(nullable = false, length = 254)
	private String email;

	@Column(nullable = false, length = 10)
	private String language;

	@Column(nullable = false)
	private Instant createdAt;

	/** The client that subscribed the address; none for subscriptions made before clients were recorded. */
	@Column(length = 100)
	private String clientId;

	protected Subscription() {
	}

	Subscription(Kind kind, String target, String email, Locale language, Instant createdAt, String clientId) {
		this.id = UUID.randomUUID();
		this.kind = kind;
		this.target = target;
		this.email = email;
		this.language = language.toLanguageTag();
		this.createdAt = createdAt;
		this.clientId = clientId;
	}

	public UUID getId() {
		return id;
	}

	public Kind getKind() {
		return kind;
	}

	public String getTarget() {
		return target;
	}

	public String getEmail() {
		return email;
	}

	public Locale getLanguage() {
		return Locale.forLanguageTag(language);
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public String getClientId() {
		return clientId;
	}
}
