package io.eventplatform.gateway.limits;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many API calls each client may make: a token bucket of {@code capacity} calls (the burst), refilled with
 * {@code refillTokens} every {@code refillPeriod} (the sustained rate).
 *
 * @param defaults the limit of a client not named in {@code clients}
 * @param clients limits per client id
 */
@ConfigurationProperties("platform.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue Limit defaults, @DefaultValue Map<String, Limit> clients) {

	public record Limit(@DefaultValue("200") long capacity, @DefaultValue("100") long refillTokens,
			@DefaultValue("1s") Duration refillPeriod) {
	}

	Limit of(String clientId) {
		return clients.getOrDefault(clientId, defaults);
	}
}
