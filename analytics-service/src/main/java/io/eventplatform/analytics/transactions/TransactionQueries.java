package io.eventplatform.analytics.transactions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.eventplatform.analytics.streams.StateStores;

/** Reads transaction volumes from this instance's state stores. */
@Service
public class TransactionQueries {

	/** The windows of one account that contain the instant {@code at}, oldest first. */
	public record Account(String accountId, Instant at, List<Window> minute, List<Window> hour) {
	}

	/** The platform-wide volume per minute, newest first. */
	public record Platform(List<Window> minutes) {
	}

	public record Window(Instant start, Instant end, Volume volume) {
	}

	public static final String ACCOUNT_STORE = TransactionsTopology.ACCOUNT_MINUTE_STORE;

	public static final String PLATFORM_STORE = TransactionsTopology.PLATFORM_MINUTE_STORE;

	public static final String PLATFORM_KEY = TransactionsTopology.PLATFORM_KEY;

	private final StateStores stores;

	TransactionQueries(StateStores stores) {
		this.stores = stores;
	}

	/** {@code null} when the account has no transaction in any window containing {@code at}. */
	public @Nullable Account account(String accountId, Instant at) {
		List<Window> minute = containing(TransactionsTopology.ACCOUNT_MINUTE_STORE, accountId, at,
				TransactionsTopology.MINUTE.size());
		List<Window> hour = containing(TransactionsTopology.ACCOUNT_HOUR_STORE, accountId, at,
				TransactionsTopology.HOUR.size());
		return minute.isEmpty() && hour.isEmpty() ? null : new Account(accountId, at, minute, hour);
	}

	public Platform platform(Instant from, Instant to) {
		List<Window> minutes = new ArrayList<>(fetch(TransactionsTopology.PLATFORM_MINUTE_STORE,
				TransactionsTopology.PLATFORM_KEY, from, to, Duration.ofMinutes(1)));
		java.util.Collections.reverse(minutes);
		return new Platform(minutes);
	}

	private List<Window> containing(String store, String key, Instant at, Duration size) {
		// A window [start, start + size) contains "at" when it started in (at - size, at].
		return fetch(store, key, at.minus(size).plusMillis(1), at, size);
	}

	private List<Window> fetch(String store, String key, Instant from, Instant to, Duration size) {
		return stores.query(store, QueryableStoreTypes.<String, Volume>windowStore(), windowStore -> {
			List<Window> found = new ArrayList<>();
			try (WindowStoreIterator<Volume> windows = windowStore.fetch(key, from, to)) {
				windows.forEachRemaining((KeyValue<Long, Volume> window) -> found.add(new Window(
						Instant.ofEpochMilli(window.key), Instant.ofEpochMilli(window.key).plus(size), window.value)));
			}
			return found;
		});
	}
}
