package io.eventplatform.gateway.token;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.gateway.authorizations.*}: how many issued tokens' authorizations the gateway remembers for
 * introspection and revocation. Each is kept until its token expires; at the bound the cache's admission policy
 * (Caffeine's W-TinyLFU) decides what is kept, and may turn away a new token rather than an old one.
 *
 * @param maximumSize authorizations held at most (a few KiB each): 10,000 covers a token every 90 ms for the
 * 15 minutes a token lives
 */
@ConfigurationProperties("platform.gateway.authorizations")
record AuthorizationStoreProperties(@DefaultValue("10000") long maximumSize) {

	AuthorizationStoreProperties {
		if (maximumSize < 1) {
			// 0 would forget every token at once: introspection would call each one inactive.
			throw new IllegalArgumentException("must be at least 1, was " + maximumSize);
		}
	}

}
