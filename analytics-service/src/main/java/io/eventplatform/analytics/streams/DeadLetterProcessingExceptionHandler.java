package io.eventplatform.analytics.streams;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A record on which a processor (an aggregate, a rule) throws goes to the dead-letter topic as it was read from its
 * source topic (Kafka Streams keeps the source's raw key and value for this), and the task carries on with the next
 * record instead of the stream thread dying on it again and again. A failing punctuation has no record to set
 * aside: it is counted and skipped.
 */
public class DeadLetterProcessingExceptionHandler implements ProcessingExceptionHandler {

	private StreamsDeadLetters deadLetters;

	@Override
	public void configure(Map<String, ?> configs) {
		deadLetters = StreamsDeadLetters.from(configs);
	}

	@Override
	public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
		if (context.topic() == null || context.sourceRawValue() == null && context.sourceRawKey() == null) {
			deadLetters.countUnrecoverable(context.topic(), exception, "processing");
			return ProcessingHandlerResponse.CONTINUE;
		}
		ConsumerRecord<byte[], byte[]> source = new ConsumerRecord<>(context.topic(), context.partition(),
				context.offset(), context.timestamp(), TimestampType.CREATE_TIME, ConsumerRecord.NULL_SIZE,
				ConsumerRecord.NULL_SIZE, context.sourceRawKey(), context.sourceRawValue(), context.headers(),
				Optional.empty());
		return deadLetters.deadLetter(source, exception, "processing") ? ProcessingHandlerResponse.CONTINUE
				: ProcessingHandlerResponse.FAIL;
	}
}
