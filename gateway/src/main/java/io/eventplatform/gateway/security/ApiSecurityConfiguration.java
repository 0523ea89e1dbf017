package io.eventplatform.gateway.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import io.eventplatform.gateway.analytics.RequestAnalyticsFilter;
import io.eventplatform.gateway.limits.ClientRateLimitFilter;
import io.eventplatform.gateway.limits.RateLimitProperties;
import io.eventplatform.support.security.PlatformSecurityProperties;
import io.eventplatform.support.security.PlatformTokenValidator;
import io.eventplatform.support.security.ProblemDetailsSecurityHandler;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.security.oauth2.core.authorization.OAuth2AuthorizationManagers.hasScope;

/**
 * Everything that is not an authorisation-server endpoint: the routed API and actuator. The gateway is a resource
 * server for its own tokens and checks the scope per route before a request leaves it; the services check the token
 * again, so this is the first of two doors, not the only one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class ApiSecurityConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JsonMapper jsonMapper,
			RateLimitProperties rateLimits) throws Exception {
		ProblemDetailsSecurityHandler problems = new ProblemDetailsSecurityHandler(jsonMapper);
		http.authorizeHttpRequests(requests -> requests
			// An error dispatch must keep the status of the original failure rather than become a 403.
			.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
			.requestMatchers("/actuator/prometheus").access(hasScope("platform:admin"))
			// The API descriptions and Swagger UI are no secret; calling the API still needs a token.
			.requestMatchers(GET, "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/swagger-config", "/api-docs/*")
			.permitAll()
			.requestMatchers("/actuator/info").authenticated()
			// Administration inside a service (e.g. replaying a consumer group), before that service's own rules.
			.requestMatchers("/api/*/admin/**").access(hasScope("platform:admin"))
			.requestMatchers(POST, "/api/users/**").access(hasScope("users:write"))
			.requestMatchers(GET, "/api/users/**").access(hasScope("users:read"))
			.requestMatchers(POST, "/api/weather/**").access(hasScope("weather:write"))
			.requestMatchers(POST, "/api/transactions/**").access(hasScope("transactions:write"))
			.requestMatchers(GET, "/api/transactions/**").access(hasScope("transactions:read"))
			.requestMatchers(GET, "/api/analytics/**").access(hasScope("analytics:read"))
			.requestMatchers(GET, "/api/notifications/**").access(hasScope("notifications:read"))
			.requestMatchers("/api/admin/**").access(hasScope("platform:admin"))
			// Whatever is not listed above is refused, so a new route is closed until someone decides its scope.
			.anyRequest().denyAll())
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> {
			}).authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// Bearer tokens only: no session, no cookies, hence no CSRF token, no login form, no basic auth.
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			// After the token is validated, before the scope is checked: every authenticated API call counts.
			.addFilterAfter(new RequestAnalyticsFilter.AuthenticatedClient(), BearerTokenAuthenticationFilter.class)
			.addFilterAfter(new ClientRateLimitFilter(rateLimits, jsonMapper), BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * Validates the gateway's own tokens with the keys it publishes (no HTTP round trip to its own JWKS): RS256 only,
	 * then issuer, audience and expiry exactly as the services check them.
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, PlatformSecurityProperties security) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
		decoder.setJwtValidator(PlatformTokenValidator.of(security));
		return decoder;
	}

}
