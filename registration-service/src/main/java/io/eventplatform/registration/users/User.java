package io.eventplatform.registration.users;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.eventplatform.contract.users.UserRegistered;

/** A registered user. The e-mail is stored normalised (trimmed, lower case) and is unique. */
@Entity
@Table(name = "users")
public class User {

	@Id
	private UUID id;

	@Column(nullable = false, unique = true, length = 254)
	private String email;

	@Column(nullable = false, length = 100)
	private String displayName;

	@Column(nullable = false, length = 2)
	private String country;

	private boolean marketingConsent;

	@Column(nullable = false)
	private Instant registeredAt;

	protected User() {
	}

	User(String email, String displayName, String country, boolean marketingConsent, Instant registeredAt) {
		this.id = UUID.randomUUID();
		this.email = email;
		this.displayName = displayName;
		this.country = country;
		this.marketingConsent = marketingConsent;
		this.registeredAt = registeredAt;
	}

	public UUID getId() {
		return id;
	}

	public String getEmail() {
		return email;
	}

	public String getDisplayName() {
		return displayName;
	}

	public String getCountry() {
		return country;
	}

	public boolean isMarketingConsent() {
		return marketingConsent;
	}

	public Instant getRegisteredAt() {
		return registeredAt;
	}

	/** The event that tells the platform this user registered. */
	UserRegistered registered() {
		return new UserRegistered(id, email, displayName, country, marketingConsent);
	}
}
