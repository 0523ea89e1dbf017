package io.eventplatform.analytics.fraud;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventplatform.analytics.fraud.AccountHistory.Entry;
import io.eventplatform.analytics.streams.AnalyticsEvents;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.FraudRulesChanged;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.transactions.TransactionRecorded;

/**
 * Runs the fraud rules over each transaction of an account (the input is keyed by account, so one task sees all of an
 * account's transactions, in any order of arrival). Rules look at occurred-at times, so a transaction that arrives
 * late still completes the pattern it belongs to. Its input is de-duplicated by event id, and each transaction takes
 * part in at most one alert per rule: every pattern raises exactly one alert. Each transaction is judged by the rules
 * in force when it is processed ({@code analytics.fraud-rules}, else the configured ones); the history an account
 * keeps follows the current longest window, so a window made longer can only look back as far as was kept.
 */
class FraudDetector implements Processor<String, EventEnvelope<TransactionRecorded>, String, EventEnvelope<FraudSuspected>> {

	static final String LARGE_AMOUNT = "amount-above-threshold";

	static final String TOO_MANY = "too-many-transactions";

	static final String TWO_COUNTRIES = "two-countries";

	static final String SMALL_THEN_LARGE = "small-then-large";

	private static final Logger log = LoggerFactory.getLogger(FraudDetector.class);

	private final FraudRules configured;

	private final int maxRememberedTransactions;

	private final String storeName;

	private final String rulesStoreName;

	private ProcessorContext<String, EventEnvelope<FraudSuspected>> context;

	private KeyValueStore<String, AccountHistory> histories;

	private ReadOnlyKeyValueStore<String, FraudRules> currentRules;

	/** The rules this transaction is judged by: those in force when it is processed. */
	private FraudRules rules;

	FraudDetector(FraudProperties configured, String storeName, String rulesStoreName) {
		this.configured = configured.rules();
		this.maxRememberedTransactions = configured.maxRememberedTransactions();
		this.storeName = storeName;
		this.rulesStoreName = rulesStoreName;
		this.rules = this.configured;
	}

	@Override
	public void init(ProcessorContext<String, EventEnvelope<FraudSuspected>> context) {
		this.context = context;
		this.histories = context.getStateStore(storeName);
		// A global store: every task reads it, none writes it (FraudRulesUpdater does, on the global thread).
		this.currentRules = context.getStateStore(rulesStoreName);
	}

	@Override
	public void process(Record<String, EventEnvelope<TransactionRecorded>> record) {
		FraudRules changed = currentRules.get(FraudRulesChanged.KEY);
		rules = changed != null ? changed : configured;
		TransactionRecorded transaction = record.value().data();
		String account = transaction.accountId();
		Entry entry = Entry.of(transaction);
		AccountHistory history = Optional.ofNullable(histories.get(account)).orElseGet(AccountHistory::empty).with(entry);
		if (entry.amount().compareTo(rules.largeAmount()) > 0) {
			raise(account, LARGE_AMOUNT, List.of(entry), "Amount %s %s is above the threshold of %s"
				.formatted(entry.amount().toPlainString(), entry.currency(), rules.largeAmount().toPlainString()));
		}
		history = tooManyTransactions(account, entry, history);
		history = twoCountries(account, entry, history);
		history = smallThenLarge(account, entry, history);
		histories.put(account, history.forget(rules.longestWindow(), maxRememberedTransactions));
	}

	/**
	 * Some span of the velocity window that holds the new transaction holds more than the allowed count. One pass over
	 * the (sorted) history with two pointers and a running count of flagged entries, not a scan per start.
	 */
	private AccountHistory tooManyTransactions(String account, Entry entry, AccountHistory history) {
		Duration window = rules.velocityWindow();
		List<Entry> entries = history.entries();
		int size = entries.size();
		int[] flaggedBefore = new int[size + 1];
		for (int i = 0; i < size; i++) {
			flaggedBefore[i + 1] = flaggedBefore[i] + (entries.get(i).flaggedBy(TOO_MANY) ? 1 : 0);
		}
		Instant earliestStart = entry.occurredAt().minus(window);
		int first = 0;
		int last = -1;
		for (int start = 0; start < size; start++) {
			Instant startTime = entries.get(start).occurredAt();
			if (startTime.isAfter(entry.occurredAt())) {
				break;
			}
			if (start == 0 || !startTime.equals(entries.get(start - 1).occurredAt())) {
				first = start;
			}
			if (startTime.isBefore(earliestStart)) {
				continue;
			}
			Instant end = startTime.plus(window);
			last = Math.max(last, start);
			while (last + 1 < size && !entries.get(last + 1).occurredAt().isAfter(end)) {
				last++;
			}
			int count = last - first + 1;
			if (count > rules.maxTransactionsPerWindow() && flaggedBefore[last + 1] - flaggedBefore[first] == 0) {
				List<Entry> inWindow = entries.subList(first, last + 1);
				raise(account, TOO_MANY, inWindow, "%d transactions within %s, more than the %d allowed"
					.formatted(count, window, rules.maxTransactionsPerWindow()));
				return history.flag(TOO_MANY, inWindow);
			}
		}
		return history;
	}

	private AccountHistory twoCountries(String account, Entry entry, AccountHistory history) {
		Duration window = rules.countryChangeWindow();
		// Further countries within the interval of an alerted pair belong to the same episode: no second alert.
		boolean episodeAlerted = history.entries()
			.stream()
			.anyMatch(other -> other.flaggedBy(TWO_COUNTRIES) && distance(other, entry).compareTo(window) <= 0);
		if (episodeAlerted) {
			return history;
		}
		Optional<Entry> elsewhere = history.entries()
			.stream()
			.filter(other -> !other.transactionId().equals(entry.transactionId()))
			.filter(other -> !other.merchantCountry().equalsIgnoreCase(entry.merchantCountry()))
			.filter(other -> distance(other, entry).compareTo(window) <= 0)
			.min(Comparator.comparing(other -> distance(other, entry)));
		if (elsewhere.isEmpty()) {
			return history;
		}
		List<Entry> involved = ordered(elsewhere.get(), entry);
		raise(account, TWO_COUNTRIES, involved, "Transactions in %s and %s within %s".formatted(
				involved.get(0).merchantCountry(), involved.get(1).merchantCountry(),
				distance(involved.get(0), involved.get(1))));
		return history.flag(TWO_COUNTRIES, involved);
	}

	private AccountHistory smallThenLarge(String account, Entry entry, AccountHistory history) {
		Duration window = rules.smallThenLargeWindow();
		Optional<Entry> partner = Optional.empty();
		if (isLarge(entry)) {
			partner = history.entries()
				.stream()
				.filter(other -> isSmall(other) && !other.flaggedBy(SMALL_THEN_LARGE))
				.filter(other -> !other.occurredAt().isAfter(entry.occurredAt())
						&& !other.occurredAt().isBefore(entry.occurredAt().minus(window)))
				.max(Comparator.comparing(Entry::occurredAt));
		}
		else if (isSmall(entry)) {
			// The large one may have arrived first although it happened after: out-of-order delivery.
			partner = history.entries()
				.stream()
				.filter(other -> isLarge(other) && !other.flaggedBy(SMALL_THEN_LARGE))
				.filter(other -> !other.occurredAt().isBefore(entry.occurredAt())
						&& !other.occurredAt().isAfter(entry.occurredAt().plus(window)))
				.min(Comparator.comparing(Entry::occurredAt));
		}
		if (partner.isEmpty() || partner.get().transactionId().equals(entry.transactionId())) {
			return history;
		}
		List<Entry> involved = ordered(partner.get(), entry);
		Entry small = involved.get(0);
		Entry large = involved.get(1);
		raise(account, SMALL_THEN_LARGE, involved,
				"A transaction of %s %s followed %s later by one of %s %s".formatted(small.amount().toPlainString(),
						small.currency(), Duration.between(small.occurredAt(), large.occurredAt()),
						large.amount().toPlainString(), large.currency()));
		return history.flag(SMALL_THEN_LARGE, involved);
	}

	private boolean isSmall(Entry entry) {
		return entry.amount().compareTo(rules.smallAmount()) < 0;
	}

	private boolean isLarge(Entry entry) {
		return entry.amount().compareTo(rules.largeAfterSmallAmount()) > 0;
	}

	private static Duration distance(Entry a, Entry b) {
		return Duration.between(a.occurredAt(), b.occurredAt()).abs();
	}

	/** Oldest first; with equal times, the one that is not the new entry first. */
	private static List<Entry> ordered(Entry earlier, Entry entry) {
		return entry.occurredAt().isBefore(earlier.occurredAt()) ? List.of(entry, earlier) : List.of(earlier, entry);
	}

	private void raise(String account, String rule, List<Entry> involved, String explanation) {
		List<java.util.UUID> ids = involved.stream().map(Entry::transactionId).toList();
		Instant time = involved.stream().map(Entry::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
		EventEnvelope<FraudSuspected> alert = AnalyticsEvents.derived(rule,
				ids.stream().map(Object::toString).toList(), time,
				new FraudSuspected(account, rule, ids, explanation));
		log.info("Fraud rule {} fired for account {} on {} transactions", rule, account, ids.size());
		context.forward(new Record<>(account, alert, time.toEpochMilli(), new RecordHeaders()));
	}
}
