package io.eventplatform.support.outbox;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Carries the trace of the request that stored an event over to the relay that publishes it, later and on another
 * thread (see {@link MicrometerOutboxTracing}); {@link #NONE} in a service without tracing.
 */
interface OutboxTracing {

	OutboxTracing NONE = new OutboxTracing() {

		@Override
		public @Nullable String currentTraceparent() {
			return null;
		}

		@Override
		public <T> T publishing(@Nullable String traceparent, String eventType, Supplier<T> publication) {
			return publication.get();
		}
	};

	/** The W3C traceparent of the current span; null without tracing or outside a span. */
	@Nullable String currentTraceparent();

	/** Runs the publication of a stored event in a span continuing the trace it was stored in, if any. */
	<T> T publishing(@Nullable String traceparent, String eventType, Supplier<T> publication);
}
