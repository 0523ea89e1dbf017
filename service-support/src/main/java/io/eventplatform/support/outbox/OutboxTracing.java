package io.eventplatform.support.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

/**
 * Carries the trace of the request that stored an event over to the relay that publishes it, later and on another
 * thread: the event's {@code traceparent} is stored with it, and its publication runs in a span of that trace, so the
 * record's headers continue the request's trace to every consumer.
 */
final class OutboxTracing {

	static final OutboxTracing NONE = new OutboxTracing(null, null);

	private static final String TRACEPARENT = "traceparent";

	private final @Nullable Tracer tracer;

	private final @Nullable Propagator propagator;

	OutboxTracing(@Nullable Tracer tracer, @Nullable Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** The W3C traceparent of the current span; null without tracing or outside a span. */
	@Nullable String currentTraceparent() {
		Span span = tracer == null ? null : tracer.currentSpan();
		if (span == null || propagator == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		propagator.inject(span.context(), carrier, (ignored, key, value) -> carrier.put(key, value));
		return carrier.get(TRACEPARENT);
	}

	/** Runs the publication of a stored event in a span continuing the trace it was stored in, if any. */
	<T> T publishing(@Nullable String traceparent, String eventType, Supplier<T> publication) {
		if (tracer == null || propagator == null || traceparent == null) {
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
