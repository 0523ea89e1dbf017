package io.eventplatform.support.time;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowedSkew how far ahead of the service's clock a client's instant may lie and still count as past or
 * present ({@code @PastOrPresent}, {@code @Past}): a client's clock may run a little fast, but an event further in the
 * future comes from a broken clock
 */
@ConfigurationProperties("platform.clock")
public record PlatformClockProperties(@DefaultValue("5m") Duration allowedSkew) {
}
