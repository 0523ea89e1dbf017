package io.eventplatform.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's settings.
 *
 * @param gatewayUri where the console reaches the gateway (token endpoint, service APIs)
 * @param gatewayPublicUri where people's browsers reach the gateway (its sign-in page)
 * @param clientSecret the plain secret of the gateway client {@code console}; the {@code prod} profile refuses the
 * development one
 * @param parts each part of the platform by name, with the readiness endpoint the overview asks
 * @param owners the services whose replay API rewinds consumer groups, by service name
 * @param sampling how often end offsets and lag are sampled, and how many samples each ring keeps
 * @param messages bounds of a read: records a page, time a read may take, reads at once
 */
@ConfigurationProperties("platform.console")
public record ConsoleProperties(@DefaultValue("http://127.0.0.1:8080") URI gatewayUri,
		@DefaultValue("http://localhost:8080") URI gatewayPublicUri,
		@DefaultValue("console-secret") String clientSecret, Map<String, Part> parts, Map<String, Owner> owners,
		@DefaultValue Sampling sampling, @DefaultValue Messages messages) {

	public ConsoleProperties {
		parts = parts == null ? Map.of() : Map.copyOf(parts);
		owners = owners == null ? Map.of() : Map.copyOf(owners);
	}

	/** @param readinessUri the part's readiness endpoint, on its management port */
	public record Part(URI readinessUri) {
	}

	/**
	 * @param replayPath the service's replay API on the gateway, e.g. {@code /api/notifications/admin/replay}
	 * @param groups the consumer groups that service owns
	 */
	public record Owner(String replayPath, List<String> groups) {

		public Owner {
			groups = groups == null ? List.of() : List.copyOf(groups);
		}
	}

	/** @param interval between two samples; @param samples kept per topic and group (a ring) */
	public record Sampling(@DefaultValue("10s") Duration interval, @DefaultValue("60") int samples) {
	}

	/**
	 * @param pageSize records a page at most
	 * @param maxScanned records a read looks at at most (filters may skip many)
	 * @param readTimeout how long one read may poll in all
	 * @param concurrentReads reads at once; more wait briefly, then get 503
	 */
	public record Messages(@DefaultValue("50") int pageSize, @DefaultValue("5000") int maxScanned,
			@DefaultValue("3s") Duration readTimeout, @DefaultValue("4") int concurrentReads) {
	}
}
