package io.eventplatform.gateway.token;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.gateway.authorizations.*}: how many issued tokens' authorizations the gateway remembers for
 * introspection and revocation. Each is kept until its token expires; at the bound the least used go first.
 *
 * @param maximumSize authorizations held at most (a few KiB each): 10,000 covers a token every 90 ms for the
 * 15 minutes a token lives
 */
@ConfigurationProperties("platform.gateway.authorizations")
record AuthorizationStoreProperties(@DefaultValue("10000") long maximumSize) {
}
