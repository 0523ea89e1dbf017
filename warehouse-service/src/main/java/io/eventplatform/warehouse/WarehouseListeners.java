package io.eventplatform.warehouse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/**
 * Copies each topic into its table, a poll at a time. Each listener's id is also its consumer group, one per topic,
 * independent of every other service's groups and of each other: the replay endpoint rewinds them by these ids. The
 * groups keep the names they had while the warehouse ran inside analytics-service, so that an upgraded deployment
 * resumes from the offsets committed there (its rows stay in the same database) rather than reading every topic again.
 */
@Component
class WarehouseListeners {

	static final String USERS = "analytics-warehouse-users";

	static final String TRANSACTIONS = "analytics-warehouse-transactions";

	static final String WEATHER_READINGS = "analytics-warehouse-weather-readings";

	static final int FULL_FETCH_BYTES = 64 * 1024;

	static final int FULL_FETCH_WAIT_MS = 20;

	private static final Logger log = LoggerFactory.getLogger(WarehouseListeners.class);

	private static final LogAccessor deserializerLog = new LogAccessor(LogFactory.getLog(WarehouseListeners.class));

	private final UserHistory users;

	private final TransactionHistory transactions;

	private final ReadingHistory readings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	WarehouseListeners(UserHistory users, TransactionHistory transactions, ReadingHistory readings,
			TransactionTemplate transaction, Clock clock) {
		this.users = users;
		this.transactions = transactions;
		this.readings = readings;
		this.transaction = transaction;
		this.clock = clock;
	}

	@KafkaListener(id = USERS, topics = Topics.Names.USERS_REGISTERED, containerFactory = WarehouseConfiguration.CONTAINER_FACTORY)
	void users(List<ConsumerRecord<String, EventEnvelope<UserRegistered>>> records) {
		write(records, users);
	}

	@KafkaListener(id = TRANSACTIONS, topics = Topics.Names.TRANSACTIONS_RECORDED,
			containerFactory = WarehouseConfiguration.CONTAINER_FACTORY)
	void transactions(List<ConsumerRecord<String, EventEnvelope<TransactionRecorded>>> records) {
		write(records, transactions);
	}

	/**
	 * Fewer, fuller fetches for the one topic that carries every reading: the broker answers once 64 KB are there or
	 * 20 ms have passed, instead of at each produce (Kafka's {@code fetch.min.bytes=1}). Measured through the gateway:
	 * the broker's CPU per call -20 %, the warehouse's -35 %, G +18 % (benchmarks/results/profiles.md). The price: up
	 * to 20 ms more latency, and an empty answer every 20 ms instead of every 500 ms while the topic is idle, which is
	 * why the listeners of rare events (users, transactions, and every other service's) keep Kafka's defaults.
	 */
	@KafkaListener(id = WEATHER_READINGS, topics = Topics.Names.WEATHER_READINGS,
			containerFactory = WarehouseConfiguration.CONTAINER_FACTORY,
			properties = { ConsumerConfig.FETCH_MIN_BYTES_CONFIG + "=" + FULL_FETCH_BYTES,
					ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG + "=" + FULL_FETCH_WAIT_MS })
	void weatherReadings(List<ConsumerRecord<String, EventEnvelope<WeatherReadingRecorded>>> records) {
		write(records, readings);
	}

	/**
	 * Writes the valid events before the first record that is not one, then names that record, so that the error
	 * handler commits what was written and dead-letters the record's original bytes. All events of a poll go in one
	 * transaction; if that fails, they are written one by one to find the event at fault, and the failure names it:
	 * the events before it are stored, it is retried (for as long as the database is away, if that was the cause) or
	 * dead-lettered, and the events after it are read again.
	 */
	private <T> void write(List<ConsumerRecord<String, EventEnvelope<T>>> records, WarehouseTable<T> table) {
		List<EventEnvelope<T>> events = new ArrayList<>(records.size());
		for (ConsumerRecord<String, EventEnvelope<T>> record : records) {
			if (record.value() == null) {
				break;
			}
			events.add(record.value());
		}
		writeAll(events, table);
		if (events.size() < records.size()) {
			ConsumerRecord<String, EventEnvelope<T>> invalid = records.get(events.size());
			throw new BatchListenerFailedException("Not a valid event", SerializationUtils.getExceptionFromHeader(
					invalid, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, deserializerLog), events.size());
		}
	}

	private <T> void writeAll(List<EventEnvelope<T>> events, WarehouseTable<T> table) {
		if (events.isEmpty()) {
			return;
		}
		try {
			Integer written = transaction.execute(status -> table.insertAll(events, clock.instant()));
			log.debug("Wrote {} new of {} events to {}", written, events.size(), table.table());
		}
		catch (RuntimeException batchFailure) {
			log.debug("Writing {} events to {} failed, writing them one by one: {}", events.size(), table.table(),
					batchFailure.toString());
			for (int index = 0; index < events.size(); index++) {
				List<EventEnvelope<T>> one = List.of(events.get(index));
				try {
					transaction.executeWithoutResult(status -> table.insertAll(one, clock.instant()));
				}
				catch (RuntimeException failure) {
					throw new BatchListenerFailedException(
							"Could not write event " + one.get(0).id() + " to " + table.table(), failure, index);
				}
			}
		}
	}
}
