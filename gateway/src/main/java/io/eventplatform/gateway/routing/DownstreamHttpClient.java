package io.eventplatform.gateway.routing;

import org.apache.hc.core5.util.TimeValue;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client that forwards calls: Apache HttpClient 5 (classic, blocking), which Boot picks when it is on the
 * class path; timeouts come from {@code spring.http.clients.*}. It suits a gateway that runs each call on a request
 * thread: a pool of kept-alive connections per service, and no thread of its own per call (the JDK client started two
 * per forwarded request, which cost more than the forwarding itself, see the benchmark report). It speaks plain
 * HTTP/1.1, as the services do.
 * <p>
 * A connection idle for a second is checked before it is reused, and idle ones are closed well before a service's
 * keep-alive timeout would close them, so a forwarded POST (which is never retried) does not meet a connection the
 * service has just closed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DownstreamConnectionProperties.class)
class DownstreamHttpClient {

	@Bean
	ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> pooledConnectionsToServices(
			DownstreamConnectionProperties connections) {
		return builder -> builder
			.withConnectionManagerCustomizer(manager -> manager.setMaxConnPerRoute(connections.maxPerService())
				.setMaxConnTotal(connections.maxTotal()))
			.withConnectionConfigCustomizer(config -> config.setValidateAfterInactivity(TimeValue.ofSeconds(1)))
			// A service's answer is the caller's: never wait out a 503's Retry-After and ask again on its behalf.
			.withHttpClientCustomizer(client -> client.disableAutomaticRetries()
				.evictIdleConnections(TimeValue.ofMilliseconds(connections.idleTimeout().toMillis())));
	}

}
