package io.eventplatform.support.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize how many stored events one round publishes at most
 * @param pollInterval how often the relay looks for stored events when nothing woke it (a commit wakes it at once)
 * @param retryInterval how long the relay waits after the broker failed to take an event
 * @param sendTimeout how long one round waits for the broker's acknowledgements
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(@DefaultValue("500") int batchSize, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("2s") Duration retryInterval, @DefaultValue("40s") Duration sendTimeout) {
}
