package io.eventplatform.analytics.transactions;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import io.eventplatform.contract.transactions.TransactionRecorded;

/**
 * Count and volume (the sum of amounts, debits and credits alike) per ISO currency code: amounts in different
 * currencies are never added up.
 */
public record Volume(Map<String, Total> byCurrency) {

	public record Total(long count, BigDecimal volume) {
	}

	public Volume {
		byCurrency = new TreeMap<>(byCurrency);
	}

	static Volume none() {
		return new Volume(Map.of());
	}

	Volume add(TransactionRecorded transaction) {
		Map<String, Total> next = new TreeMap<>(byCurrency);
		next.merge(transaction.currency(), new Total(1, transaction.amount()),
				(a, b) -> new Total(a.count() + b.count(), a.volume().add(b.volume())));
		return new Volume(next);
	}
}
