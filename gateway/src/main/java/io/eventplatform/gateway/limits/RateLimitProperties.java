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
 * @param tokenEndpoint the limits of {@code POST /oauth2/token}, which are apart from the API's
 */
@ConfigurationProperties("platform.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue Limit defaults, @DefaultValue Map<String, Limit> clients,
		@DefaultValue TokenEndpoint tokenEndpoint) {

	public record Limit(@DefaultValue("200") long capacity, @DefaultValue("100") long refillTokens,
			@DefaultValue("1s") Duration refillPeriod) {
	}

	/**
	 * Token requests, counted before the client's secret is checked, so that guessing secrets is slow: per client id
	 * named (a client fetches a token every quarter of an hour or so) and per source address.
	 *
	 * @param perClient the bucket of each registered client id; unknown ids share one
	 * @param perAddress the bucket of each source address
	 * @param maxAddresses how many addresses' buckets are kept (least recently used ones go first)
	 */
	public record TokenEndpoint(Limit perClient, Limit perAddress, @DefaultValue("100000") long maxAddresses) {

		public TokenEndpoint {
			perClient = perClient != null ? perClient : new Limit(20, 20, Duration.ofMinutes(1));
			perAddress = perAddress != null ? perAddress : new Limit(60, 60, Duration.ofMinutes(1));
		}
	}

	Limit of(String clientId) {
		return clients.getOrDefault(clientId, defaults);
	}
}
