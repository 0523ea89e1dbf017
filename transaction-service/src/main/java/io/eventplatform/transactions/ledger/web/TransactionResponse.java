package io.eventplatform.transactions.ledger.web;

import java.time.Instant;
import java.util.UUID;

import io.eventplatform.contract.transactions.Direction;
import io.eventplatform.transactions.ledger.Transaction;

/** A recorded transaction; the amount is a decimal string with the currency's scale. */
record TransactionResponse(UUID id, String accountId, String amount, String currency, Direction direction,
		String merchant, String merchantCountry, Instant occurredAt, Instant recordedAt) {

	static TransactionResponse of(Transaction transaction) {
		return new TransactionResponse(transaction.getId(), transaction.getAccountId(),
				transaction.getAmount().toPlainString(), transaction.getCurrency(), transaction.getDirection(),
				transaction.getMerchant(), transaction.getMerchantCountry(), transaction.getOccurredAt(),
				transaction.getRecordedAt());
	}
}
