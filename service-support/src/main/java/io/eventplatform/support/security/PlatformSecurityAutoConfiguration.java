package io.eventplatform.support.security;

import java.time.Clock;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.util.ClassUtils;

import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, NimbusJwtDecoder.class })
@EnableMethodSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
class PlatformSecurityAutoConfiguration {

	/**
	 * Accepts only RS256 tokens whose signature verifies against a key of the issuer's JWKS (an unknown key id makes
	 * it fetch the JWKS again, so a rotated key is picked up) and whose claims pass {@link PlatformTokenValidator}.
	 * {@code alg: none} and HMAC tokens are refused before any key is looked at. A verified token is remembered for a
	 * short while ({@code platform.security.verified-tokens.*}), its claims checked again on every call.
	 */
	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	JwtDecoder platformJwtDecoder(PlatformSecurityProperties security, Clock clock, ResourceLoader resourceLoader) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(security.jwkSetUri().toString()).build();
		OAuth2TokenValidator<Jwt> claims = PlatformTokenValidator.of(security, clock);
		decoder.setJwtValidator(claims);
		// The cache is Caffeine's: a service without it verifies every token's signature.
		boolean caffeine = ClassUtils.isPresent("com.github.benmanes.caffeine.cache.Caffeine",
				resourceLoader.getClassLoader());
		return caffeine ? security.cached(decoder, claims, clock) : decoder;
	}

	/**
	 * Spring Security's firewall with its header rules checked faster ({@link AsciiFirstHeaderFirewall}): every request
	 * is checked as before, in every service and the gateway.
	 */
	@Bean
	@ConditionalOnMissingBean(HttpFirewall.class)
	StrictHttpFirewall asciiFirstHeaderFirewall() {
		return AsciiFirstHeaderFirewall.create();
	}

	/**
	 * With {@code management.observations.enable.spring.security=false} (the platform default) Spring Security's
	 * observations are dropped anyway; this keeps Security from wrapping every filter, the authentication and each
	 * authorisation decision in an observation per request only for it to be dropped.
	 */
	@Bean
	@ConditionalOnMissingBean(SecurityObservationSettings.class)
	@ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** Requests Spring Security's firewall refuses get problem details too (the gateway's as well). */
	@Bean
	@ConditionalOnMissingBean(RequestRejectedHandler.class)
	RequestRejectedHandler problemDetailsRequestRejectedHandler(JsonMapper jsonMapper) {
		return new ProblemDetailsSecurityHandler(jsonMapper);
	}

	/**
	 * Only health and its probes are public. Every API call needs a valid JWT from the gateway; which scope it needs is
	 * stated on the endpoint. Stateless: no session, no CSRF token (no cookies are ever accepted).
	 */
	@Bean
	@ConditionalOnMissingBean(value = SecurityFilterChain.class, ignored = PrometheusScrapeSecurityFilterChain.class)
	SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, JsonMapper jsonMapper) throws Exception {
		ProblemDetailsSecurityHandler problems = new ProblemDetailsSecurityHandler(jsonMapper);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			// The API description is no secret; calling the API still needs a token.
			.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasAuthority(Scopes.authority(Scopes.PLATFORM_ADMIN))
			.requestMatchers("/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> {
			}).authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/**
	 * With {@code management.server.port} set (as in Kubernetes), Prometheus scrapes {@code /actuator/prometheus} on
	 * that port without a token: the port is never published outside the pod's network and a network policy opens it
	 * to the monitoring namespace only. On the application port, and without a management port, nothing changes: the
	 * endpoint needs scope {@code platform:admin}. Ahead of every other chain, also the gateway's own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort")
	@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
	static class PrometheusScrapeOnManagementPort {

		@Bean
		static ManagementPort managementPort() {
			return new ManagementPort();
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		PrometheusScrapeSecurityFilterChain prometheusScrapeSecurityFilterChain(HttpSecurity http,
				ManagementPort managementPort) throws Exception {
			http.securityMatcher(new AndRequestMatcher(managementPort::received,
					PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/prometheus")))
				.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.disable());
			return new PrometheusScrapeSecurityFilterChain(http.build());
		}
	}
}
