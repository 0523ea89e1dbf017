package io.eventplatform.console.live;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.eventplatform.console.messages.Masking;
import io.eventplatform.contract.transactions.TransactionRecorded;

/**
 * A fraud alert as the page shows it, with the transactions behind it; for a viewer every e-mail address in its text
 * is masked (there should be none, but the explanation is free text).
 *
 * @param transactions the transactions the rule fired on, oldest first; those the console has not seen have no amount
 */
record AlertView(long sequence, String time, String accountId, String rule, String explanation,
		List<TransactionView> transactions) {

	/**
	 * @param amount the amount with its currency, {@code null} when the transaction is older than what the console
	 * remembers
	 */
	record TransactionView(String id, @Nullable String amount, String direction, String merchant,
			String merchantCountry, String occurredAt) {
	}

	static AlertView of(FraudAlert alert, LiveFeed feed, boolean masked) {
		List<TransactionView> transactions = alert.transactionIds().stream().map(id -> {
			TransactionRecorded transaction = feed.transaction(id);
			if (transaction == null) {
				return new TransactionView(id.toString(), null, "", "", "", "");
			}
			return new TransactionView(id.toString(),
					transaction.amount().toPlainString() + " " + transaction.currency(),
					transaction.direction().name(), text(transaction.merchant(), masked),
					transaction.merchantCountry(), transaction.occurredAt().toString());
		}).toList();
		return new AlertView(alert.sequence(), alert.time().toString(), alert.accountId(), alert.rule(),
				text(alert.explanation(), masked), transactions);
	}

	private static String text(String text, boolean masked) {
		return masked ? Masking.maskText(text) : text;
	}
}
