package io.eventplatform.analytics.streams;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by the windowed aggregates of transactions, registrations and the platform overview.
 *
 * @param grace how late (in event time) an event may arrive and still count in its window; later ones are dropped
 * and counted in Kafka Streams' dropped-records metric
 * @param retention how long closed windows stay queryable
 */
@ConfigurationProperties("platform.analytics.windows")
public record WindowProperties(@DefaultValue("5m") Duration grace, @DefaultValue("1d") Duration retention) {
}
