package io.eventplatform.support.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

/**
 * With Micrometer Tracing: carries the trace of the request that stored an event over to the relay that publishes it, later and on another
 * thread: the event's {@code traceparent} is stored with it, and its publication runs in a span of that trace, so the
 * record's headers continue the request's trace to every consumer.
 */
final class MicrometerOutboxTracing implements OutboxTracing {

	private static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	MicrometerOutboxTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public @Nullable String currentTraceparent() {
		Span span = tracer.currentSpan();
		if (span == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		propagator.inject(span.context(), carrier, (ignored, key, value) -> carrier.put(key, value));
		return carrier.get(TRACEPARENT);
	}

	@Override
	public <T> T publishing(@Nullable String traceparent, String eventType, Supplier<T> publication) {
		if (traceparent == null) {
			return publication.get();
		}
		Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get)
			.name("outbox publish")
			.tag("event.type", eventType)
			.start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			return publication.get();
		}
		finally {
			span.end();
		}
	}
}
