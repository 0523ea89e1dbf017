package io.eventplatform.console.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.CloudEventHeaders;
import io.eventplatform.contract.kafka.EventDeserializer;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/**
 * One consumer of the console's own, on a thread of its own, that keeps what the live page shows: the newest fraud
 * alerts (each also published as a {@link FraudAlert} application event, which the open streams push), the recent
 * transactions by id (the amounts behind an alert) and the recently seen station ids. It assigns every partition
 * (no group, nothing committed), reads committed records only, and starts a little before each partition's end, so
 * the page has history. A record that is no valid event is skipped and counted; it never stops the feed.
 */
@Component
public class LiveFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

	static final List<String> TOPICS = List.of(Topics.Names.TRANSACTIONS_FRAUD_ALERTS,
			Topics.Names.TRANSACTIONS_RECORDED, Topics.Names.WEATHER_READINGS);

	private final Map<String, Object> config;

	private final LiveProperties properties;

	private final ApplicationEventPublisher events;

	private final Counter skipped;

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong starts = new AtomicLong();

	private final Deque<FraudAlert> alerts = new ArrayDeque<>();

	private final Map<UUID, TransactionRecorded> transactions;

	private final Map<String, Boolean> stations;

	private volatile boolean running;

	/** Counted down by stop(): ends a wait after a failure at once. */
	private volatile CountDownLatch stopped = new CountDownLatch(1);

	/** After a failure (broker away, topic deleted): 1 s, then twice as long each time in a row, at most 30 s. */
	private static final ExponentialBackOff AFTER_FAILURE = afterFailure();

	private volatile @Nullable Thread thread;

	private volatile @Nullable Consumer<byte[], byte[]> consumer;

	LiveFeed(ConsumerFactory<?, ?> consumerFactory, LiveProperties properties, ApplicationEventPublisher events,
			MeterRegistry meters) {
		Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		// Looking a topic up must never create it.
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		this.config = config;
		this.properties = properties;
		this.events = events;
		this.skipped = Counter.builder("console.live.records.skipped")
			.description("Records the live feed skipped because they were no valid event")
			.register(meters);
		this.transactions = bounded(properties.transactions());
		this.stations = bounded(properties.stations());
	}

	/** An insertion-ordered map that forgets its oldest entry beyond {@code capacity}. */
	private static <K, V> Map<K, V> bounded(int capacity) {
		return new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > capacity;
			}
		};
	}

	/** The newest alerts, newest first. */
	public synchronized List<FraudAlert> alerts() {
		return new ArrayList<>(alerts);
	}

	/** The alerts received after {@code sequence}, oldest first: what a reconnecting stream missed. */
	public synchronized List<FraudAlert> alertsAfter(long sequence) {
		List<FraudAlert> after = new ArrayList<>();
		alerts.descendingIterator().forEachRemaining(alert -> {
			if (alert.sequence() > sequence) {
				after.add(alert);
			}
		});
		return after;
	}

	public synchronized @Nullable TransactionRecorded transaction(UUID id) {
		return transactions.get(id);
	}

	/** The station ids seen most recently, newest first. */
	public synchronized List<String> stations() {
		List<String> seen = new ArrayList<>(stations.keySet());
		Collections.reverse(seen);
		return seen;
	}

	/** Records skipped since the start because they were no valid event. */
	public long skipped() {
		return (long) skipped.count();
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		alerts.clear();
		transactions.clear();
		stations.clear();
		running = true;
		stopped = new CountDownLatch(1);
		Thread feed = new Thread(this::run, "console-live");
		feed.setDaemon(true);
		thread = feed;
		feed.start();
	}

	@Override
	public void stop() {
		running = false;
		stopped.countDown();
		Consumer<byte[], byte[]> current = consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread feed = thread;
		if (feed != null) {
			try {
				feed.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		thread = null;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		Map<String, Object> own = new HashMap<>(config);
		own.put(ConsumerConfig.CLIENT_ID_CONFIG, "console-live-" + starts.incrementAndGet());
		try (Consumer<byte[], byte[]> feed = new KafkaConsumer<>(own)) {
			consumer = feed;
			long nextRefresh = 0;
			BackOffExecution failures = AFTER_FAILURE.start();
			while (running) {
				try {
					if (System.nanoTime() - nextRefresh >= 0) {
						assignNewPartitions(feed);
						nextRefresh = System.nanoTime() + properties.refresh().toNanos();
					}
					if (feed.assignment().isEmpty()) {
						// Nothing to read yet (the topics do not exist): wait for the next look, awake to stop.
						feed.poll(Duration.ofMillis(Math.min(1_000, properties.refresh().toMillis())));
						continue;
					}
					for (ConsumerRecord<byte[], byte[]> record : feed.poll(Duration.ofMillis(500))) {
						handle(record);
					}
					failures = AFTER_FAILURE.start();
				}
				catch (WakeupException ex) {
					// stop() woke the consumer: the loop ends.
				}
				catch (RecordDeserializationException ex) {
					skip(ex.topicPartition().topic(), ex.topicPartition().partition(), ex.offset(), ex);
					feed.seek(ex.topicPartition(), ex.offset() + 1);
				}
				catch (RuntimeException ex) {
					// The broker away, a topic deleted: look again after a pause, never give up while running.
					log.warn("The live feed could not read: {}", ex.toString());
					nextRefresh = System.nanoTime();
					pause(failures);
					continue;
				}
			}
		}
		catch (RuntimeException ex) {
			log.error("The live feed stopped", ex);
		}
		finally {
			consumer = null;
		}
	}

	/** Waits before the next try, longer each time the feed fails in a row; stop() ends the wait at once. */
	private void pause(BackOffExecution backOff) {
		try {
			if (stopped.await(backOff.nextBackOff(), TimeUnit.MILLISECONDS)) {
				running = false;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	private void assignNewPartitions(Consumer<byte[], byte[]> feed) {
		Set<TopicPartition> assigned = new HashSet<>(feed.assignment());
		List<TopicPartition> added = new ArrayList<>();
		for (String topic : TOPICS) {
			List<PartitionInfo> partitions = feed.partitionsFor(topic, Duration.ofSeconds(5));
			if (partitions == null) {
				continue;
			}
			for (PartitionInfo partition : partitions) {
				TopicPartition candidate = new TopicPartition(topic, partition.partition());
				if (assigned.add(candidate)) {
					added.add(candidate);
				}
			}
		}
		if (added.isEmpty()) {
			return;
		}
		feed.assign(assigned);
		Map<TopicPartition, Long> beginnings = feed.beginningOffsets(added, Duration.ofSeconds(5));
		Map<TopicPartition, Long> ends = feed.endOffsets(added, Duration.ofSeconds(5));
		for (TopicPartition partition : added) {
			long end = ends.getOrDefault(partition, 0L);
			long beginning = beginnings.getOrDefault(partition, 0L);
			feed.seek(partition, Math.max(beginning, end - history(partition.topic())));
		}
		log.info("The live feed reads {} more partitions", added.size());
	}

	private long history(String topic) {
		return switch (topic) {
			case Topics.Names.TRANSACTIONS_FRAUD_ALERTS -> properties.alertsHistory();
			case Topics.Names.TRANSACTIONS_RECORDED -> properties.transactionsHistory();
			default -> properties.stationsHistory();
		};
	}

	void handle(ConsumerRecord<byte[], byte[]> record) {
		try {
			EventEnvelope<?> event = EventDeserializer.envelope(record.topic(), CloudEventHeaders.read(record.headers()),
					record.value());
			if (event.data() instanceof FraudSuspected suspected) {
				FraudAlert alert = new FraudAlert(sequence.incrementAndGet(), event.id(), event.time(),
						suspected.accountId(), suspected.rule(), suspected.explanation(), suspected.transactionIds());
				synchronized (this) {
					alerts.addFirst(alert);
					while (alerts.size() > properties.alerts()) {
						alerts.removeLast();
					}
				}
				events.publishEvent(alert);
			}
			else if (event.data() instanceof TransactionRecorded transaction) {
				synchronized (this) {
					transactions.put(transaction.transactionId(), transaction);
				}
			}
			else if (event.data() instanceof WeatherReadingRecorded reading) {
				synchronized (this) {
					// Removed first, so the station moves to the newest end.
					stations.remove(reading.stationId());
					stations.put(reading.stationId(), Boolean.TRUE);
				}
			}
		}
		catch (RuntimeException ex) {
			skip(record.topic(), record.partition(), record.offset(), ex);
		}
	}

	private void skip(String topic, int partition, long offset, Exception cause) {
		skipped.increment();
		log.warn("The live feed skipped {}-{}@{}: {}", topic, partition, offset, cause.getMessage());
	}
	private static ExponentialBackOff afterFailure() {
		ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
		backOff.setMaxInterval(30_000);
		return backOff;
	}

}
