package io.eventplatform.gateway.security;

import java.time.Clock;
import java.util.List;

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
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import io.eventplatform.gateway.analytics.RequestAnalyticsFilter;
import io.eventplatform.gateway.limits.ClientRateLimitFilter;
import io.eventplatform.gateway.limits.RateLimitProperties;
import io.eventplatform.support.security.PlatformSecurityProperties;
import io.eventplatform.support.security.PlatformTokenValidator;
import io.eventplatform.support.security.ProblemDetailsSecurityHandler;
import io.eventplatform.support.security.Scopes;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.security.oauth2.core.authorization.OAuth2AuthorizationManagers.hasScope;

/**
 * Everything that is not an authorisation-server endpoint: the routed API and actuator. The gateway is a resource
 * server for its own tokens and checks the scope per route before a request leaves it; the services check the token
 * again, so this is the first of two doors, not the only one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RateLimitProperties.class, CorsProperties.class })
class ApiSecurityConfiguration {

	/**
	 * The console ({@code /console/**}) signs its people in itself, through this gateway's authorisation server, and
	 * keeps its own session and CSRF protection and sets its own headers: the gateway only forwards.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/console", "/console/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.headers(AbstractHttpConfigurer::disable)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable);
		return http.build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 3)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JsonMapper jsonMapper,
			RateLimitProperties rateLimits, CorsProperties cors) throws Exception {
		ProblemDetailsSecurityHandler problems = new ProblemDetailsSecurityHandler(jsonMapper);
		http.cors(configurer -> configurer.configurationSource(corsConfiguration(cors)))
			.headers(headers -> headers
				// Besides Spring Security's defaults (nosniff, frame DENY, no-store, HSTS over HTTPS): no page may
				// frame or embed anything of ours, and no URL of ours leaks to another site as a referrer.
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.authorizeHttpRequests(requests -> requests
			// An error dispatch must keep the status of the original failure rather than become a 403.
			.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
			.requestMatchers("/actuator/prometheus").access(hasScope(Scopes.PLATFORM_ADMIN))
			// The API descriptions and Swagger UI are no secret; calling the API still needs a token.
			.requestMatchers(GET, "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/swagger-config", "/api-docs/*")
			.permitAll()
			.requestMatchers("/actuator/info").authenticated()
			// Administration inside a service (e.g. replaying a consumer group), before that service's own rules.
			.requestMatchers("/api/*/admin/**").access(hasScope(Scopes.PLATFORM_ADMIN))
			.requestMatchers(POST, "/api/users/**").access(hasScope(Scopes.USERS_WRITE))
			.requestMatchers(GET, "/api/users/**").access(hasScope(Scopes.USERS_READ))
			.requestMatchers(POST, "/api/weather/**").access(hasScope(Scopes.WEATHER_WRITE))
			.requestMatchers(POST, "/api/transactions/**").access(hasScope(Scopes.TRANSACTIONS_WRITE))
			.requestMatchers(GET, "/api/transactions/**").access(hasScope(Scopes.TRANSACTIONS_READ))
			// Analytics' aggregates and, at /api/analytics/history/**, warehouse-service's history queries.
			.requestMatchers(GET, "/api/analytics/**").access(hasScope(Scopes.ANALYTICS_READ))
			// Changing the fraud rules at run time (the console does it for an operator; analytics-service writes them
			// to analytics.fraud-rules).
			.requestMatchers(PUT, "/api/analytics/fraud/rules").access(hasScope(Scopes.PLATFORM_ADMIN))
			.requestMatchers("/api/notifications/admin/**").access(hasScope(Scopes.PLATFORM_ADMIN))
			.requestMatchers(GET, "/api/notifications/**").access(hasScope(Scopes.NOTIFICATIONS_READ))
			.requestMatchers(POST, "/api/notifications/**").access(hasScope(Scopes.NOTIFICATIONS_WRITE))
			.requestMatchers(DELETE, "/api/notifications/**").access(hasScope(Scopes.NOTIFICATIONS_WRITE))
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
	 * CORS for the configured origins only, on the API; with none configured no request gets CORS headers (and a
	 * preflight is refused like any call without a token).
	 */
	private static CorsConfigurationSource corsConfiguration(CorsProperties cors) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!cors.allowedOrigins().isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(cors.allowedOrigins());
			configuration.setAllowedMethods(List.of("GET", "POST"));
			configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
			configuration.setExposedHeaders(List.of("Location", "Retry-After", "RateLimit-Remaining",
					"Idempotent-Replayed"));
			// Bearer tokens, never cookies.
			configuration.setAllowCredentials(false);
			configuration.setMaxAge(cors.maxAge());
			source.registerCorsConfiguration("/api/**", configuration);
		}
		return source;
	}

	/**
	 * Validates the gateway's own tokens with the keys it publishes (no HTTP round trip to its own JWKS): RS256 only,
	 * then issuer, audience and expiry exactly as the services check them, verified tokens remembered as there.
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, PlatformSecurityProperties security, Clock clock) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
		OAuth2TokenValidator<Jwt> claims = PlatformTokenValidator.of(security, clock);
		decoder.setJwtValidator(claims);
		return security.cached(decoder, claims, clock);
	}

}
