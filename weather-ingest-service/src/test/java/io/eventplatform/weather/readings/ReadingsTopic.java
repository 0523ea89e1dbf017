package io.eventplatform.weather.readings;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.eventplatform.contract.Topics;

/**
 * Reads {@code weather.readings} from the beginning, as raw bytes, and keeps what it saw. Tests share the topic, so
 * each looks only at the records of its own stations.
 */
final class ReadingsTopic implements AutoCloseable {

	private final Consumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	ReadingsTopic(EmbeddedKafkaBroker broker) {
		Map<String, Object> properties = KafkaTestUtils.consumerProps(broker, "readings-topic-" + System.nanoTime(),
				false);
		consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
		// Assigned rather than subscribed: no consumer group to join, so no rebalance to wait for.
		List<TopicPartition> partitions = consumer.partitionsFor(Topics.WEATHER_READINGS.name())
			.stream()
			.map(partition -> new TopicPartition(partition.topic(), partition.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
	}

	/** Waits until {@code count} records keyed by the station arrived; returns all of them in topic order. */
	List<ConsumerRecord<String, byte[]>> awaitRecordsOf(String stationId, int count) {
		await().atMost(Duration.ofSeconds(20)).pollInSameThread().until(() -> {
			consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
			return recordsOf(stationId).size() >= count;
		});
		return recordsOf(stationId);
	}

	private List<ConsumerRecord<String, byte[]>> recordsOf(String stationId) {
		return seen.stream().filter(record -> stationId.equals(record.key())).toList();
	}

	static Map<String, String> headers(ConsumerRecord<?, ?> record) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		return headers;
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		consumer.close();
	}
}
