package io.eventplatform.support.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sendTimeout how long one attempt waits for the broker's acknowledgement
 * @param retryInterval how often failed publications are tried again
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(@DefaultValue("40s") Duration sendTimeout, @DefaultValue("5s") Duration retryInterval) {
}
