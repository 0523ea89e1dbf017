package io.eventplatform.support.observability;

import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.eventplatform.contract.EventEnvelope;

/** A service that publishes and consumes events, as every service of the platform does, with its web server. */
@SpringBootApplication
class ObservabilityTestApplication {

	/** What a consumer saw: the trace header of the record and the trace it ran in. */
	record Received(String eventId, String traceparent, String traceId) {
	}

	@Component
	static class TracedConsumer {

		final Queue<Received> received = new ConcurrentLinkedQueue<>();

		private final Tracer tracer;

		TracedConsumer(Tracer tracer) {
			this.tracer = tracer;
		}

		@KafkaListener(id = "traced-consumer", topics = "users.registered", groupId = "traced-consumer")
		void on(ConsumerRecord<String, EventEnvelope<?>> record) {
			Header traceparent = record.headers().lastHeader("traceparent");
			received.add(new Received(record.value().id(),
					traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8),
					tracer.currentSpan() == null ? null : tracer.currentSpan().context().traceId()));
		}
	}
}
