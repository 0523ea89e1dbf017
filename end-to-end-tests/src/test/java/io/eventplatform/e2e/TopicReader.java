package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.eventplatform.contract.Topic;

/** Reads a topic from its beginning as an external client would: plain bytes, plain headers. */
final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	TopicReader(String bootstrapServers, String topic) {
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest",
				// As the platform's consumers do: what a crashed exactly-once producer left uncommitted is never read.
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
				new ByteArrayDeserializer());
		consumer.subscribe(List.of(topic));
	}

	/** Polls until {@code count} records match, then a little longer so that a duplicate would show too. */
	List<ConsumerRecord<String, byte[]>> awaitRecords(Predicate<ConsumerRecord<String, byte[]>> matching, int count) {
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
			consumer.poll(Duration.ofMillis(300)).forEach(seen::add);
			return seen.stream().filter(matching).count() >= count;
		});
		consumer.poll(Duration.ofMillis(1000)).forEach(seen::add);
		return seen.stream().filter(matching).toList();
	}

	/** Polls once more, then the bodies of all matching records read so far (e.g. to compare within an await). */
	List<tools.jackson.databind.JsonNode> poll(Predicate<ConsumerRecord<String, byte[]>> matching) {
		consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
		return seen.stream().filter(matching).map(record -> Platform.json.readTree(record.value())).toList();
	}

	/** What has arrived so far of the matching records, e.g. after {@link #awaitRecords} ran out of time. */
	List<ConsumerRecord<String, byte[]>> received(Predicate<ConsumerRecord<String, byte[]>> matching) {
		return seen.stream().filter(matching).toList();
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		assertThat(record.headers().lastHeader(name)).as("header " + name).isNotNull();
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	/** The record's key, its six CloudEvents headers, and a body valid against the event's published JSON Schema. */
	static void assertValidEvent(ConsumerRecord<String, byte[]> record, Topic<?> topic, String expectedKey) {
		assertThat(record.key()).isEqualTo(expectedKey);
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_id")).isNotBlank();
		assertThat(header(record, "ce_source")).startsWith("/");
		assertThat(header(record, "ce_type")).isEqualTo(topic.cloudEventType());
		assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		ObjectMapper json = new ObjectMapper();
		try (InputStream schema = TopicReader.class.getClassLoader().getResourceAsStream(topic.jsonSchemaResource())) {
			JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
				.getSchema(json.readTree(schema), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
			assertThat(validator.validate(json.readTree(record.value()))).as("schema violations").isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		consumer.close();
	}
}
