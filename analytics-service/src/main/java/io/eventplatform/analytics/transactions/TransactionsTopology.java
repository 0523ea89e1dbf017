package io.eventplatform.analytics.transactions;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.eventplatform.analytics.streams.EventSerde;
import io.eventplatform.analytics.streams.InputStreams;
import io.eventplatform.analytics.streams.JsonSerde;
import io.eventplatform.analytics.streams.WindowProperties;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.TransactionRecorded;

/**
 * Volume per account over hopping windows of one minute (advancing every 10 seconds) and one hour (advancing every 5
 * minutes), by occurred-at; and the whole platform's volume per minute (tumbling).
 */
@Component
class TransactionsTopology {

	static final String ACCOUNT_MINUTE_STORE = "transactions-account-minute";

	static final String ACCOUNT_HOUR_STORE = "transactions-account-hour";

	static final String PLATFORM_MINUTE_STORE = "transactions-platform-minute";

	/** The platform-wide volume lives under one key, so one instance answers for it. */
	static final String PLATFORM_KEY = "platform";

	static final TimeWindowsSpec MINUTE = new TimeWindowsSpec(Duration.ofMinutes(1), Duration.ofSeconds(10));

	static final TimeWindowsSpec HOUR = new TimeWindowsSpec(Duration.ofHours(1), Duration.ofMinutes(5));

	record TimeWindowsSpec(Duration size, Duration advance) {
	}

	private final WindowProperties windows;

	TransactionsTopology(WindowProperties windows) {
		this.windows = windows;
	}

	@Autowired
	void build(InputStreams inputs) {
		var events = EventSerde.of(TransactionRecorded.class);
		KStream<String, EventEnvelope<TransactionRecorded>> transactions = inputs.transactions();
		KGroupedStream<String, EventEnvelope<TransactionRecorded>> byAccount = transactions
			.groupByKey(Grouped.with("transactions-by-account", Serdes.String(), events));
		volume(byAccount, MINUTE, ACCOUNT_MINUTE_STORE);
		volume(byAccount, HOUR, ACCOUNT_HOUR_STORE);
		volume(transactions.groupBy((account, event) -> PLATFORM_KEY,
				Grouped.with("transactions-platform", Serdes.String(), events)),
				new TimeWindowsSpec(Duration.ofMinutes(1), Duration.ofMinutes(1)), PLATFORM_MINUTE_STORE);
	}

	private void volume(KGroupedStream<String, EventEnvelope<TransactionRecorded>> grouped, TimeWindowsSpec spec,
			String store) {
		Duration retention = windows.retention().compareTo(spec.size().plus(windows.grace())) >= 0
				? windows.retention() : spec.size().plus(windows.grace());
		grouped.windowedBy(TimeWindows.ofSizeAndGrace(spec.size(), windows.grace()).advanceBy(spec.advance()))
			.aggregate(Volume::none, (key, event, volume) -> volume.add(event.data()),
					Materialized.<String, Volume, WindowStore<Bytes, byte[]>>as(store)
						.withKeySerde(Serdes.String())
						.withValueSerde(JsonSerde.of(Volume.class))
						.withRetention(retention));
	}
}
