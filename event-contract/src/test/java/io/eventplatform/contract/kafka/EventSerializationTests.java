package io.eventplatform.contract.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.SampleEvents;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.users.UserRegistered;

class EventSerializationTests {

	private static final URI SOURCE = URI.create("/registration-service");

	private final EventSerializer serializer = new EventSerializer();

	private final EventDeserializer deserializer = new EventDeserializer();

	@Test
	void shouldRoundTripEveryEventWithItsMetadata() {
		for (Object data : SampleEvents.oneOfEach()) {
			EventEnvelope<Object> event = EventEnvelope.of(SOURCE, data, Clock.systemUTC());
			Headers headers = new RecordHeaders();

			byte[] bytes = serializer.serialize(event.topic().name(), headers, event);
			EventEnvelope<?> read = deserializer.deserialize(event.topic().name(), headers, bytes);

			assertThat(read).isEqualTo(event);
		}
	}

	@Test
	void shouldWriteTheCloudEventsBinaryModeHeaders() {
		EventEnvelope<UserRegistered> event = new EventEnvelope<>("evt-1", SOURCE,
				Instant.parse("2026-11-21T10:15:30.123Z"), SampleEvents.userRegistered());
		Headers headers = new RecordHeaders();

		serializer.serialize("users.registered", headers, event);

		assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(headers, "ce_id")).isEqualTo("evt-1");
		assertThat(header(headers, "ce_source")).isEqualTo("/registration-service");
		assertThat(header(headers, "ce_type")).isEqualTo("io.eventplatform.users.UserRegistered.v1");
		assertThat(header(headers, "ce_time")).isEqualTo("2026-11-21T10:15:30.123Z");
		assertThat(header(headers, "content-type")).isEqualTo("application/json");
	}

	@Test
	void shouldReplaceHeadersInsteadOfAddingASecondSet() {
		EventEnvelope<UserRegistered> event = EventEnvelope.of(SOURCE, SampleEvents.userRegistered(), Clock.systemUTC());
		Headers headers = new RecordHeaders();

		serializer.serialize("users.registered", headers, event);
		serializer.serialize("users.registered", headers, event);

		assertThat(headers.headers("ce_id")).hasSize(1);
	}

	@Test
	void shouldWriteAmountsAsDecimalStringsKeepingTheirScale() {
		EventEnvelope<TransactionRecorded> event = EventEnvelope.of(SOURCE, SampleEvents.transaction(), Clock.systemUTC());

		String json = new String(serializer.serialize("transactions.recorded", new RecordHeaders(), event),
				StandardCharsets.UTF_8);

		assertThat(json).contains("\"amount\":\"12.50\"").contains("\"occurredAt\":\"2026-11-21T10:15:30Z\"");
	}

	@Test
	void shouldWriteFraudRulesWithDecimalStringsAndIsoDurations() {
		EventEnvelope<?> event = EventEnvelope.of(SOURCE, SampleEvents.fraudRulesChanged(), Clock.systemUTC());

		String json = new String(serializer.serialize("analytics.fraud-rules", new RecordHeaders(), event),
				StandardCharsets.UTF_8);

		assertThat(json).contains("\"largeAmount\":\"10000\"")
			.contains("\"smallAmount\":\"1.00\"")
			.contains("\"velocityWindow\":\"PT1M\"")
			.contains("\"countryChangeWindow\":\"PT30M\"");
	}

	@Test
	void shouldReadRecordsWrittenByAnyKafkaClient() {
		Headers headers = validHeaders();
		byte[] body = """
				{"stationId":"ST-9","observedAt":"2026-11-21T10:00:00+01:00","temperatureCelsius":3.5,
				 "humidityPercent":91,"firmware":"2.1"}""".getBytes(StandardCharsets.UTF_8);
		headers.remove("ce_type");
		headers.add("ce_type", bytes("io.eventplatform.weather.WeatherReadingRecorded.v1"));

		EventEnvelope<?> read = deserializer.deserialize("weather.readings", headers, body);

		assertThat(read.data()).isEqualTo(new io.eventplatform.contract.weather.WeatherReadingRecorded("ST-9",
				Instant.parse("2026-11-21T09:00:00Z"), 3.5, 91, null));
		assertThat(read.key()).isEqualTo("ST-9");
	}

	@Test
	void shouldRejectARecordWithAMissingHeaderNamingIt() {
		for (String name : new String[] { "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time",
				"content-type" }) {
			Headers headers = validHeaders();
			headers.remove(name);

			assertThatThrownBy(() -> deserializer.deserialize("users.registered", headers, validUserBody()))
				.isInstanceOf(InvalidEventException.class)
				.hasMessageContaining(name);
		}
	}

	@Test
	void shouldRejectMalformedHeaders() {
		assertInvalid("ce_specversion", "0.3", "ce_specversion must be 1.0");
		assertInvalid("ce_time", "yesterday", "ce_time must be an RFC 3339 timestamp");
		assertInvalid("ce_source", "not a uri", "ce_source must be a URI-reference");
		assertInvalid("content-type", "application/xml", "content-type must be application/json");
		assertInvalid("ce_type", "com.example.Unknown", "is not a known event type");
		assertInvalid("ce_type", "io.eventplatform.transactions.TransactionRecorded.v1",
				"does not belong on topic users.registered");
	}

	@Test
	void shouldRejectDataThatDoesNotParse() {
		assertThatThrownBy(() -> deserializer.deserialize("users.registered", validHeaders(), bytes("{not json")))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("not a valid UserRegistered");
		assertThatThrownBy(() -> deserializer.deserialize("users.registered", validHeaders(),
				bytes("{\"email\":\"a@b.c\",\"displayName\":\"A\",\"country\":\"GB\",\"marketingConsent\":true}")))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("userId");
		assertThatThrownBy(() -> deserializer.deserialize("users.registered", validHeaders(), new byte[0]))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("no data");
	}

	private void assertInvalid(String header, String value, String expectedMessage) {
		Headers headers = validHeaders();
		headers.remove(header);
		headers.add(header, bytes(value));

		assertThatThrownBy(() -> deserializer.deserialize("users.registered", headers, validUserBody()))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageContaining(expectedMessage);
	}

	private static Headers validHeaders() {
		Headers headers = new RecordHeaders();
		headers.add("ce_specversion", bytes("1.0"));
		headers.add("ce_id", bytes("evt-42"));
		headers.add("ce_source", bytes("/kcat"));
		headers.add("ce_type", bytes(Topics.USERS_REGISTERED.cloudEventType()));
		headers.add("ce_time", bytes("2026-11-21T10:15:30Z"));
		headers.add("content-type", bytes("application/json"));
		return headers;
	}

	private static byte[] validUserBody() {
		return bytes("{\"userId\":\"5f0c2f9e-8a43-4a53-9d1c-0b4f1c7f7a11\",\"email\":\"a@b.c\",\"displayName\":\"A\","
				+ "\"country\":\"GB\",\"marketingConsent\":false}");
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static String header(Headers headers, String name) {
		return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
	}
}
