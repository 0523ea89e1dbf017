package io.eventplatform.gateway.routing;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Base URIs of the services behind the gateway ({@code platform.gateway.services.*}). The defaults are the local
 * ports of the platform contract; deployments point them at their service names.
 */
@ConfigurationProperties("platform.gateway.services")
record DownstreamServices(@DefaultValue("http://127.0.0.1:8081") URI registration,
		@DefaultValue("http://127.0.0.1:8082") URI weatherIngest, @DefaultValue("http://127.0.0.1:8083") URI transaction,
		@DefaultValue("http://127.0.0.1:8084") URI notification, @DefaultValue("http://127.0.0.1:8085") URI analytics,
		@DefaultValue("http://127.0.0.1:8086") URI warehouse, @DefaultValue("http://127.0.0.1:8087") URI console) {
}
