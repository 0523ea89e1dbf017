package io.eventplatform.gateway.routing;

import java.net.http.HttpClient;

import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client that forwards calls (the JDK's, picked by Boot; timeouts come from {@code spring.http.clients.*}).
 * It speaks plain HTTP/1.1 to the services: left at its default it would offer every service an h2c upgrade on every
 * request, a negotiation the services do not take part in and that only adds headers and failure modes.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamHttpClient {

	@Bean
	ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> http11ToServices() {
		return builder -> builder.withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1));
	}

}
