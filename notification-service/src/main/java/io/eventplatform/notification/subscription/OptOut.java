package io.eventplatform.notification.subscription;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An address that gets no non-critical mail (e.g. the welcome mail); alerts still reach it. */
@Entity
@Table(name = "opt_outs")
public class OptOut {

	@Id
	@Column(length = 254)
	private String email;

	@Column(nullable = false)
	private Instant createdAt;

	protected OptOut() {
	}

	OptOut(String email, Instant createdAt) {
		this.email = email;
		this.createdAt = createdAt;
	}

	public String getEmail() {
		return email;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}
}
