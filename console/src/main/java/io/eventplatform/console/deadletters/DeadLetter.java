package io.eventplatform.console.deadletters;

import org.jspecify.annotations.Nullable;

import io.eventplatform.console.messages.MessageView;

/**
 * A dead letter as the page shows it: the record, why it failed and where it came from (spring-kafka's
 * {@code kafka_dlt-*} headers, which the listeners and analytics-service's Kafka Streams handlers both write), and
 * whether it was redriven or discarded already.
 */
record DeadLetter(MessageView record, @Nullable String exception, @Nullable String message,
		@Nullable String originalTopic, @Nullable String originalPartition, @Nullable String originalOffset,
		DeadLetterStatuses.@Nullable Status status) {

	public boolean handled() {
		return status != null;
	}
}
