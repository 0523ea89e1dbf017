package io.eventplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.eventplatform.contract.kafka.EventSerializer;

/** Keeps the published JSON Schemas and the records in step: a field added to one and not the other fails here. */
class EventSchemaTests {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void shouldSerialiseEveryEventToDataValidAgainstItsSchema() throws IOException {
		for (Object data : SampleEvents.oneOfEach()) {
			JsonNode body = serialise(data);

			assertThat(schemaOf(Topics.carrying(data)).validate(body)).as(data.getClass().getSimpleName()).isEmpty();
		}
	}

	@Test
	void shouldDescribeExactlyTheFieldsOfEachRecord() throws IOException {
		for (Topic<?> topic : Topics.all()) {
			JsonNode schema = schemaJson(topic);
			Set<String> schemaFields = new HashSet<>();
			schema.get("properties").fieldNames().forEachRemaining(schemaFields::add);

			assertThat(schemaFields).as(topic.name())
				.containsExactlyInAnyOrderElementsOf(Arrays.stream(topic.eventType().getRecordComponents())
					.map(RecordComponent::getName)
					.toList());
		}
	}

	@Test
	void shouldRejectDataMissingARequiredField() throws IOException {
		ObjectNode body = (ObjectNode) serialise(SampleEvents.transaction());
		body.remove("amount");

		assertThat(schemaOf(Topics.TRANSACTIONS_RECORDED).validate(body)).isNotEmpty();
	}

	@Test
	void shouldRejectAnAmountWrittenAsANumber() throws IOException {
		ObjectNode body = (ObjectNode) serialise(SampleEvents.transaction());
		body.put("amount", 12.5);

		assertThat(schemaOf(Topics.TRANSACTIONS_RECORDED).validate(body)).isNotEmpty();
	}

	@ParameterizedTest(name = "{0} = {1}: valid {2}")
	@CsvSource(delimiter = '|', textBlock = """
			observedAt         | -300000000-01-01T00:00:00Z | false
			observedAt         | 1999-12-31T23:59:59Z       | false
			observedAt         | 2000-01-01T00:00:00Z       | true
			observedAt         | +10000-01-01T00:00:00Z     | false
			""")
	void shouldBoundTheTimeOfAReadingAsTheIngestServiceDoes(String field, String value, boolean valid)
			throws IOException {
		ObjectNode body = (ObjectNode) serialise(SampleEvents.weatherReading());
		body.put(field, value);

		assertThat(schemaOf(Topics.WEATHER_READINGS).validate(body).isEmpty()).isEqualTo(valid);
	}

	@ParameterizedTest(name = "{0} = {1}: valid {2}")
	@CsvSource(delimiter = '|', textBlock = """
			occurredAt | -300000000-01-01T00:00:00Z | false
			occurredAt | 1999-12-31T23:59:59Z       | false
			occurredAt | 2000-01-01T00:00:00Z       | true
			amount     | 1234567890123456           | false
			amount     | 123456789012345.1234       | true
			""")
	void shouldBoundATransactionAsTheTransactionServiceDoes(String field, String value, boolean valid)
			throws IOException {
		ObjectNode body = (ObjectNode) serialise(SampleEvents.transaction());
		body.put(field, value);

		assertThat(schemaOf(Topics.TRANSACTIONS_RECORDED).validate(body).isEmpty()).isEqualTo(valid);
	}

	@Test
	void shouldRefuseAMerchantLongerThanTheTransactionServiceAccepts() throws IOException {
		ObjectNode body = (ObjectNode) serialise(SampleEvents.transaction());
		body.put("merchant", "m".repeat(101));

		assertThat(schemaOf(Topics.TRANSACTIONS_RECORDED).validate(body)).isNotEmpty();
	}

	private JsonNode serialise(Object data) throws IOException {
		byte[] bytes = new EventSerializer().serialize("any", new RecordHeaders(),
				EventEnvelope.of(java.net.URI.create("/test"), data, Clock.systemUTC()));
		return json.readTree(bytes);
	}

	private JsonSchema schemaOf(Topic<?> topic) throws IOException {
		SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
		return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson(topic), config);
	}

	private JsonNode schemaJson(Topic<?> topic) throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(topic.jsonSchemaResource())) {
			assertThat(in).as(topic.jsonSchemaResource()).isNotNull();
			return json.readTree(in);
		}
	}
}
