package io.eventplatform.benchmarks.codec;

import java.time.ZoneOffset;
import java.util.List;

import org.apache.kafka.common.header.Headers;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.kafka.CloudEventHeaders;
import io.eventplatform.contract.kafka.EventDeserializer;
import io.eventplatform.contract.kafka.EventJson;
import io.eventplatform.contract.kafka.InvalidEventException;

/**
 * What event-contract's {@code EventSerializer} and {@code EventDeserializer} would be on the CloudEvents SDK's Kafka
 * binding, with every behaviour they promise: the same headers (earlier ones replaced), the same JSON data through
 * Jackson 3, the same checks. The SDK accepts what the contract refuses (spec version 0.3, empty values, any
 * content type), so those checks stay, and its errors name attributes rather than headers, so a record it refuses is
 * diagnosed again by {@link CloudEventHeaders#read} for the message; only valid records are measured.
 */
final class SdkEventCodec {

	private static final List<String> HEADERS = List.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID,
			CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.TIME, CloudEventHeaders.CONTENT_TYPE);

	private final CloudEventSerializer serializer = new CloudEventSerializer();

	byte[] serialize(String topic, Headers headers, EventEnvelope<?> event) {
		return writeHeaders(topic, headers, event, EventJson.mapper().writeValueAsBytes(event.data()));
	}

	/** Binary mode, the SDK's default: attributes as {@code ce_*} headers, data as the record value. */
	byte[] writeHeaders(String topic, Headers headers, EventEnvelope<?> event, byte[] data) {
		CloudEvent cloudEvent = CloudEventBuilder.v1()
			.withId(event.id())
			.withSource(event.source())
			.withType(event.type())
			.withTime(event.time().atOffset(ZoneOffset.UTC))
			.withData(CloudEventHeaders.JSON, data)
			.build();
		HEADERS.forEach(headers::remove);
		return serializer.serialize(topic, headers, cloudEvent);
	}

	EventEnvelope<?> deserialize(String topic, Headers headers, byte[] data) {
		return EventDeserializer.envelope(topic, readHeaders(headers, data), data);
	}

	CloudEventHeaders.Metadata readHeaders(Headers headers, byte[] data) {
		CloudEvent event;
		try {
			event = KafkaMessageFactory.createReader(headers, data).toEvent();
		}
		catch (CloudEventRWException | IllegalStateException ex) {
			// The SDK names the attribute ("time"), not the header and the rule: the contract's own checks do.
			CloudEventHeaders.read(headers);
			throw new InvalidEventException(String.valueOf(ex.getMessage()), ex);
		}
		if (event.getSpecVersion() != SpecVersion.V1 || event.getId().isEmpty() || event.getType().isEmpty()
				|| event.getSource().toString().isEmpty() || event.getTime() == null
				|| !isJson(event.getDataContentType())) {
			CloudEventHeaders.read(headers);
		}
		return new CloudEventHeaders.Metadata(event.getId(), event.getSource(), event.getType(),
				event.getTime().toInstant());
	}

	private static boolean isJson(String contentType) {
		return contentType != null
				&& (contentType.equals(CloudEventHeaders.JSON) || contentType.startsWith(CloudEventHeaders.JSON + ";"));
	}

}
