package io.eventplatform.console.platformapi;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import io.eventplatform.console.ConsoleProperties;

/**
 * One {@link RestClient} for the service APIs, on the gateway, carrying a client-credentials token of registration
 * {@code platform-api} (client {@code console}, scopes {@code platform:admin analytics:read}). The token belongs to the
 * console, not to the person: who acted is what the audit log records.
 */
@Configuration(proxyBeanMethods = false)
class PlatformApiConfiguration {

	static final String REGISTRATION = "platform-api";

	/** The console itself, as the principal its client-credentials token is kept for. */
	private static final Authentication CONSOLE = UsernamePasswordAuthenticationToken.unauthenticated("console", null);

	@Bean
	RestClient platformApiClient(ConsoleProperties properties, ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService authorizedClients) {
		var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
		var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
		interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
		interceptor.setPrincipalResolver(request -> CONSOLE);
		var requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(2));
		requests.setReadTimeout(Duration.ofSeconds(30));
		return RestClient.builder()
			.baseUrl(properties.gatewayUri().toString())
			.requestFactory(requests)
			.requestInterceptor(interceptor)
			.build();
	}
}
