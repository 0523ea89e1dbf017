package io.eventplatform.console.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.eventplatform.console.ConsoleProperties;

/**
 * Short reads of records, each with a consumer of its own that is closed when the read ends: no group, no committed
 * offsets (assign and seek only), bytes as they are. At most {@code concurrentReads} at once, so a crowd of people
 * paging cannot open a crowd of connections; one more waits a moment, then is refused.
 */
public class KafkaReads {

	private final Map<String, Object> config;

	private final Semaphore permits;

	private final AtomicLong reads = new AtomicLong();

	KafkaReads(Map<String, Object> consumerConfig, ConsoleProperties.Messages limits) {
		Map<String, Object> config = new HashMap<>(consumerConfig);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		this.config = config;
		this.permits = new Semaphore(limits.concurrentReads(), true);
	}

	/** Runs {@code read} with a consumer of its own; the consumer is closed afterwards whatever happens. */
	public <T> T read(Function<Consumer<byte[], byte[]>, T> read) {
		try {
			if (!permits.tryAcquire(5, TimeUnit.SECONDS)) {
				throw new ReadsBusy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ReadsBusy();
		}
		try {
			Map<String, Object> own = new HashMap<>(config);
			own.put(ConsumerConfig.CLIENT_ID_CONFIG, "console-reader-" + reads.incrementAndGet());
			try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(own)) {
				return read.apply(consumer);
			}
		}
		finally {
			permits.release();
		}
	}

	/** Too many reads at once; the person may try again in a moment. */
	public static class ReadsBusy extends RuntimeException {

		ReadsBusy() {
			super("Too many reads at once; try again in a moment");
		}
	}
}
