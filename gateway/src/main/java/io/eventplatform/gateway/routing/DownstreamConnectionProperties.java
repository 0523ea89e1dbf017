package io.eventplatform.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.gateway.connections.*}: the kept-alive connections from the gateway to the services.
 *
 * @param maxPerService connections to one service at most; more concurrent calls to it wait for a free one (sized
 * like the request threads of Tomcat, 200 by default, so a call never waits for a connection while a thread is free)
 * @param maxTotal connections to all services together
 * @param idleTimeout an idle connection is closed after this long, shorter than the services' keep-alive timeout
 */
@ConfigurationProperties("platform.gateway.connections")
record DownstreamConnectionProperties(@DefaultValue("200") int maxPerService, @DefaultValue("1000") int maxTotal,
		@DefaultValue("15s") Duration idleTimeout) {
}
