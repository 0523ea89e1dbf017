package io.eventplatform.analytics.streams;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topic;
import io.eventplatform.contract.kafka.EventDeserializer;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.transactions.Direction;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/** A topology of the service in a {@link TopologyTestDriver}, with the service's streams settings. */
public final class TopologyFixture implements AutoCloseable {

	public static final WindowProperties WINDOWS = new WindowProperties(Duration.ofMinutes(5), Duration.ofDays(1));

	private final TopologyTestDriver driver;

	/** Stays open: the template closes the producer it was handed after each send, as it may a shared one. */
	private final MockProducer<byte[], byte[]> deadLetterProducer = new MockProducer<>(true, null,
			new ByteArraySerializer(), new ByteArraySerializer()) {
		@Override
		public void close(Duration timeout) {
		}
	};

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	public TopologyFixture(Instant wallClock, Consumer<InputStreams> topology) {
		this(wallClock, Clock.systemUTC(), topology);
	}

	/** @param clock the service's clock: the latest event time the inputs accept is a day ahead of it */
	public TopologyFixture(Instant wallClock, Clock clock, Consumer<InputStreams> topology) {
		StreamsBuilder builder = new StreamsBuilder();
		topology.accept(new InputStreams(builder, clock));
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.STATE_DIR_CONFIG, "target/kafka-streams-test");
		config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
				DeadLetterDeserializationExceptionHandler.class);
		config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingExceptionHandler.class);
		config.put(StreamsDeadLetters.CONFIG_KEY, new StreamsDeadLetters(
				new KafkaTemplate<>(new MockProducerFactory<>(() -> deadLetterProducer)),
				Set.of("users.registered", "weather.readings", "transactions.recorded", "gateway.requests"), meterRegistry));
		config.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimeExtractor.class);
		driver = new TopologyTestDriver(builder.build(), config, wallClock);
	}

	public TopologyTestDriver driver() {
		return driver;
	}

	/** What the error handlers sent to dead-letter topics, as sent. */
	public List<ProducerRecord<byte[], byte[]>> deadLetters() {
		return deadLetterProducer.history();
	}

	/** The service's count of dead-lettered records of a topic. */
	public double deadLettered(String topic) {
		var counter = meterRegistry.find(StreamsDeadLetters.METRIC).tag("topic", topic).tag("outcome", "dead-lettered")
			.counters();
		return counter.stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
	}

	/** Pipes the event as its producer writes it: keyed, with CloudEvents headers, sent at {@code sentAt}. */
	public void send(EventEnvelope<?> event, Instant sentAt) {
		TestInputTopic<String, EventEnvelope<?>> input = driver.createInputTopic(event.topic().name(),
				new StringSerializer(), new EventSerializer());
		input.pipeInput(new TestRecord<>(event.key(), event, new RecordHeaders(), sentAt));
	}

	public void send(EventEnvelope<?> event) {
		send(event, Instant.now());
	}

	public void sendRaw(String topic, String key, byte[] value) {
		driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer())
			.pipeInput(new TestRecord<>(key, value, new RecordHeaders(), Instant.now()));
	}

	/** What the topology wrote to the topic, read as any consumer reads it (the headers are checked). */
	public List<TestRecord<String, EventEnvelope<?>>> written(Topic<?> topic) {
		TestOutputTopic<String, EventEnvelope<?>> output = driver.createOutputTopic(topic.name(),
				new StringDeserializer(), new EventDeserializer());
		return output.readRecordsToList();
	}

	public static <T> EventEnvelope<T> event(T data, Instant time) {
		return new EventEnvelope<>(UUID.randomUUID().toString(), URI.create("/test"), time, data);
	}

	public static EventEnvelope<WeatherReadingRecorded> reading(String station, Instant observedAt, double temperature,
			double humidity) {
		return event(new WeatherReadingRecorded(station, observedAt, temperature, humidity, null), observedAt);
	}

	public static EventEnvelope<TransactionRecorded> transaction(String account, String amount, String currency,
			String country, Instant occurredAt) {
		return event(new TransactionRecorded(UUID.randomUUID(), account, new BigDecimal(amount), currency,
				Direction.DEBIT, "Shop", country, occurredAt), occurredAt);
	}

	@Override
	public void close() {
		driver.close();
	}
}
