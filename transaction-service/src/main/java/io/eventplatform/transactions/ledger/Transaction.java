package io.eventplatform.transactions.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import io.eventplatform.contract.transactions.Direction;
import io.eventplatform.contract.transactions.TransactionRecorded;

/** A recorded bank transaction. The amount is a decimal with the currency's scale, never a floating-point number. */
@Entity
@Table(name = "transactions", indexes = @Index(name = "transactions_by_account", columnList = "accountId, occurredAt"))
public class Transaction {

	@Id
	private UUID id;

	@Column(nullable = false, length = 64)
	private String accountId;

	@Column(nullable = false, precision = 19, scale = 4)
	private BigDecimal amount;

	@Column(nullable = false, length = 3)
	private String currency;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 6)
	private Direction direction;

	@Column(nullable = false, length = 100)
	private String merchant;

	@Column(nullable = false, length = 2)
	private String merchantCountry;

	@Column(nullable = false)
	private Instant occurredAt;

	@Column(nullable = false)
	private Instant recordedAt;

	protected Transaction() {
	}

	Transaction(String accountId, BigDecimal amount, String currency, Direction direction, String merchant,
			String merchantCountry, Instant occurredAt, Instant recordedAt) {
		this.id = UUID.randomUUID();
		this.accountId = accountId;
		this.amount = amount;
		this.currency = currency;
		this.direction = direction;
		this.merchant = merchant;
		this.merchantCountry = merchantCountry;
		// The database keeps microseconds: so does the entity, or a replayed answer would differ from the first.
		this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
		this.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
	}

	public UUID getId() {
		return id;
	}

	public String getAccountId() {
		return accountId;
	}

	/** The amount with exactly the currency's number of decimals (the column keeps four). */
	public BigDecimal getAmount() {
		return Money.inScaleOf(amount, currency);
	}

	public String getCurrency() {
		return currency;
	}

	public Direction getDirection() {
		return direction;
	}

	public String getMerchant() {
		return merchant;
	}

	public String getMerchantCountry() {
		return merchantCountry;
	}

	public Instant getOccurredAt() {
		return occurredAt;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

	/** The event that tells the platform this transaction was recorded. */
	TransactionRecorded recorded() {
		return new TransactionRecorded(id, accountId, getAmount(), currency, direction, merchant, merchantCountry,
				occurredAt);
	}
}
