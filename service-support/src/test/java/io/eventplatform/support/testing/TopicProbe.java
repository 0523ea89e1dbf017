package io.eventplatform.support.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.EventDeserializer;
import io.eventplatform.contract.kafka.EventSerializer;

/**
 * Writes and reads events on a broker as any Kafka client would, given only its bootstrap servers (a container's):
 * the containers tests' counterpart of spring-kafka's {@code KafkaTestUtils}, which needs an embedded broker.
 */
public final class TopicProbe {

	private TopicProbe() {
	}

	/** Sends the event to its topic, keyed as its producer would, and waits for the broker's acknowledgement. */
	public static void publish(String bootstrapServers, EventEnvelope<?> event) {
		try (KafkaProducer<String, EventEnvelope<?>> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new EventSerializer())) {
			producer.send(new ProducerRecord<>(event.topic().name(), event.key(), event)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + event.id(), ex);
		}
	}

	/** Reads the topic from its start (committed records only) until a record with this key is there. */
	public static ConsumerRecord<String, EventEnvelope<?>> awaitRecord(String bootstrapServers, String topic,
			String key) {
		try (Consumer<String, EventEnvelope<?>> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
				"probe-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
				new EventDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, EventEnvelope<?>>> seen = new ArrayList<>();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
				return seen.stream().anyMatch(record -> key.equals(record.key()));
			});
			return seen.stream().filter(record -> key.equals(record.key())).findFirst().orElseThrow();
		}
	}
}
