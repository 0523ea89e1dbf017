package io.eventplatform.transactions.ledger;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A client's {@code Idempotency-Key} and what it recorded. Keys are scoped per client, so two clients may pick the
 * same key; the fingerprint tells a retry (same request) from a mistake (same key, different request).
 */
@Entity
@Table(name = "idempotency_keys", uniqueConstraints = @UniqueConstraint(columnNames = { "clientId", "idempotencyKey" }))
class IdempotencyKey {

	@Id
	private UUID id;

	@Column(nullable = false, length = 255)
	private String clientId;

	@Column(nullable = false, length = 255)
	private String idempotencyKey;

	@Column(nullable = false, length = 64)
	private String requestFingerprint;

	@Column(nullable = false)
	private UUID transactionId;

	@Column(nullable = false)
	private Instant createdAt;

	protected IdempotencyKey() {
	}

	IdempotencyKey(String clientId, String idempotencyKey, String requestFingerprint, UUID transactionId,
			Instant createdAt) {
		this.id = UUID.randomUUID();
		this.clientId = clientId;
		this.idempotencyKey = idempotencyKey;
		this.requestFingerprint = requestFingerprint;
		this.transactionId = transactionId;
		this.createdAt = createdAt;
	}

	String getRequestFingerprint() {
		return requestFingerprint;
	}

	UUID getTransactionId() {
		return transactionId;
	}
}
