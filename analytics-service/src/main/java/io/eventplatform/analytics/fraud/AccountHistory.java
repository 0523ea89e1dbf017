package io.eventplatform.analytics.fraud;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.eventplatform.contract.transactions.TransactionRecorded;

/**
 * An account's recent transactions, in occurred-at order, each with the rules it already made fire: a transaction is
 * part of at most one alert per rule, which keeps a pattern to one alert however many transactions extend it.
 */
record AccountHistory(List<Entry> entries) {

	record Entry(UUID transactionId, Instant occurredAt, BigDecimal amount, String currency, String merchantCountry,
			Set<String> flaggedBy) {

		Entry {
			flaggedBy = Set.copyOf(flaggedBy);
		}

		static Entry of(TransactionRecorded transaction) {
			return new Entry(transaction.transactionId(), transaction.occurredAt(), transaction.amount(),
					transaction.currency(), transaction.merchantCountry(), Set.of());
		}

		boolean flaggedBy(String rule) {
			return flaggedBy.contains(rule);
		}

		Entry flag(String rule) {
			Set<String> rules = new TreeSet<>(flaggedBy);
			rules.add(rule);
			return new Entry(transactionId, occurredAt, amount, currency, merchantCountry, rules);
		}
	}

	private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::occurredAt)
		.thenComparing(Entry::transactionId);

	AccountHistory {
		entries = List.copyOf(entries);
	}

	static AccountHistory empty() {
		return new AccountHistory(List.of());
	}

	/** Adds the entry in occurred-at order (a binary search: the entries are kept sorted). */
	AccountHistory with(Entry entry) {
		List<Entry> next = new ArrayList<>(entries.size() + 1);
		next.addAll(entries);
		int index = Collections.binarySearch(next, entry, ORDER);
		next.add(index < 0 ? -index - 1 : index, entry);
		return new AccountHistory(next);
	}

	AccountHistory flag(String rule, List<Entry> involved) {
		Set<UUID> ids = new TreeSet<>(involved.stream().map(Entry::transactionId).toList());
		return new AccountHistory(entries.stream()
			.map(entry -> ids.contains(entry.transactionId()) ? entry.flag(rule) : entry)
			.toList());
	}

	/**
	 * Forgets what no rule can look at any more: older than the longest window before the newest transaction, and
	 * beyond the newest {@code maximumSize}, so that a burst on one account cannot grow the state (and the time each
	 * rule takes) without limit. A burst that large has long made the velocity rule fire.
	 */
	AccountHistory forget(Duration window, int maximumSize) {
		if (entries.isEmpty()) {
			return this;
		}
		Instant horizon = entries.get(entries.size() - 1).occurredAt().minus(window);
		int from = Math.max(0, entries.size() - maximumSize);
		while (from < entries.size() && entries.get(from).occurredAt().isBefore(horizon)) {
			from++;
		}
		return from == 0 ? this : new AccountHistory(entries.subList(from, entries.size()));
	}
}
