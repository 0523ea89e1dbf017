package io.eventplatform.transactions.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.eventplatform.contract.transactions.Direction;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.support.kafka.EventPublisher;
import io.eventplatform.support.outbox.Outbox;

/**
 * Records transactions exactly once per client and idempotency key. The transaction, the key and the
 * {@link TransactionRecorded} event are stored in one database transaction; the outbox publishes the event after
 * commit, in the order transactions were recorded.
 */
@Service
public class TransactionRecording {

	private static final Logger log = LoggerFactory.getLogger(TransactionRecording.class);

	private final Transactions transactions;

	private final IdempotencyKeys idempotencyKeys;

	private final Outbox outbox;

	private final EventPublisher events;

	private final Clock clock;

	TransactionRecording(Transactions transactions, IdempotencyKeys idempotencyKeys, Outbox outbox,
			EventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.idempotencyKeys = idempotencyKeys;
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
	}

	/** What a client asks to record; the amount already has a scale the currency allows. */
	public record Recording(String accountId, BigDecimal amount, String currency, Direction direction,
			String merchant, String merchantCountry, Instant occurredAt) {

		String fingerprint() {
			String canonical = String.join("|", accountId, amount.stripTrailingZeros().toPlainString(), currency,
					direction.name(), merchant, merchantCountry, occurredAt.toString());
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is part of every JDK", ex);
			}
		}
	}

	/** The recorded transaction, and whether this call recorded it or an earlier one with the same key did. */
	public record Recorded(Transaction transaction, boolean replayed) {
	}

	/**
	 * @throws IdempotencyKeyReusedException when the client used the key for a different request
	 */
	@Transactional
	public Recorded record(String clientId, String idempotencyKey, Recording recording) {
		String fingerprint = recording.fingerprint();
		var earlier = idempotencyKeys.findByClientIdAndIdempotencyKey(clientId, idempotencyKey);
		if (earlier.isPresent()) {
			if (!earlier.get().getRequestFingerprint().equals(fingerprint)) {
				throw new IdempotencyKeyReusedException();
			}
			return new Recorded(transactions.findById(earlier.get().getTransactionId()).orElseThrow(), true);
		}
		Transaction transaction = transactions.save(new Transaction(recording.accountId(), recording.amount(),
				recording.currency(), recording.direction(), recording.merchant(), recording.merchantCountry(),
				recording.occurredAt(), clock.instant()));
		// Unique per client and key: a concurrent retry of the same request fails here and its transaction rolls back.
		idempotencyKeys.saveAndFlush(
				new IdempotencyKey(clientId, idempotencyKey, fingerprint, transaction.getId(), clock.instant()));
		outbox.add(events.newEvent(new TransactionRecorded(transaction.getId(), transaction.getAccountId(),
				transaction.getAmount(), transaction.getCurrency(), transaction.getDirection(), transaction.getMerchant(),
				transaction.getMerchantCountry(), transaction.getOccurredAt()), transaction.getOccurredAt()));
		log.info("Recorded transaction {} for account {}", transaction.getId(), transaction.getAccountId());
		return new Recorded(transaction, false);
	}
}
