package io.eventplatform.support.time;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param toleratedDrift how far ahead of the service's clock a client's instant may lie and still count as "past or
 * present": clocks drift, a transaction from tomorrow comes from a broken one
 */
@ConfigurationProperties("platform.time")
public record PlatformTimeProperties(@DefaultValue("5m") Duration toleratedDrift) {

	public PlatformTimeProperties {
		if (toleratedDrift.isNegative()) {
			throw new IllegalArgumentException("platform.time.tolerated-drift must not be negative");
		}
	}

}
