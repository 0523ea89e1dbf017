package io.eventplatform.analytics.streams;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * A record that does not deserialise to a valid event (including one whose event time the topology cannot place:
 * {@link EventSerde}) goes to the dead-letter topic with its original bytes, and the task carries on with the next
 * record. Only if the dead-letter topic cannot take it does the task fail, to retry it.
 */
public class DeadLetterDeserializationExceptionHandler implements DeserializationExceptionHandler {

	private StreamsDeadLetters deadLetters;

	@Override
	public void configure(Map<String, ?> configs) {
		deadLetters = StreamsDeadLetters.from(configs);
	}

	@Override
	public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
			Exception exception) {
		return deadLetters.deadLetter(record, exception, "deserialization") ? DeserializationHandlerResponse.CONTINUE
				: DeserializationHandlerResponse.FAIL;
	}
}
