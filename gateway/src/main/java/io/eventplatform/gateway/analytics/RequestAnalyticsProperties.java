package io.eventplatform.gateway.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether the gateway publishes {@code gateway.requests} at all
 * @param queueCapacity how many events may wait for the broker; beyond that new events are dropped and counted
 * ({@code gateway.requests.events.dropped}), never the call
 */
@ConfigurationProperties("platform.gateway.analytics")
record RequestAnalyticsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10000") int queueCapacity) {
}
