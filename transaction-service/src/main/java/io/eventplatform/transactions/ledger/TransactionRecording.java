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
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final TransactionTemplate transactionally;

	TransactionRecording(Transactions transactions, IdempotencyKeys idempotencyKeys, Outbox outbox,
			EventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
		this.transactions = transactions;
		this.idempotencyKeys = idempotencyKeys;
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
		this.transactionally = new TransactionTemplate(transactionManager);
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
	 * Records the transaction, or answers the one recorded earlier with the same key. When the same key arrives twice
	 * at once, the unique key lets one call store it and refuses the other (H2 at once, PostgreSQL once the first
	 * commits); the refused call tries once more, which then finds the first one's transaction.
	 * @throws IdempotencyKeyReusedException when the client used the key for a different request
	 * @throws IdempotencyKeyInProgressException when a call with the same key is still being recorded
	 */
	public Recorded record(String clientId, String idempotencyKey, Recording recording) {
		for (int attempt = 1;; attempt++) {
			try {
				return transactionally.execute(status -> recordOnce(clientId, idempotencyKey, recording));
			}
			catch (DataAccessException ex) {
				if (ex instanceof DataAccessResourceFailureException) {
					throw ex;
				}
				if (attempt == 2) {
					throw new IdempotencyKeyInProgressException();
				}
			}
		}
	}

	private Recorded recordOnce(String clientId, String idempotencyKey, Recording recording) {
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
		outbox.add(events.newEvent(transaction.recorded(), transaction.getOccurredAt()));
		log.info("Recorded transaction {} for account {}", transaction.getId(), transaction.getAccountId());
		return new Recorded(transaction, false);
	}
}
