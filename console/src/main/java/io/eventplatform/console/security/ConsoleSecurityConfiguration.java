package io.eventplatform.console.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * People sign in at the gateway (authorization code with PKCE, which Spring Security 7 adds to every authorization
 * code request, confidential clients included; the gateway requires it); the {@code roles} claim of their ID token gives
 * {@code ROLE_VIEWER} and {@code ROLE_OPERATOR}. Every page needs a viewer, every action (POST) an operator and a CSRF
 * token. This chain replaces service-support's token-only API chain, which backs off when a chain exists.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

	static final String REGISTRATION = "platform";

	static final String LOGIN = "/oauth2/authorization/" + REGISTRATION;

	@Bean
	SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
		ConsoleAccessHandler access = new ConsoleAccessHandler(json, LOGIN);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/signed-out", "/error")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/**")
			.hasRole(Roles.VIEWER)
			.anyRequest()
			.hasRole(Roles.OPERATOR))
			.oauth2Login(login -> login.loginPage(LOGIN))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(access).accessDeniedHandler(access))
			// Local sign-out only: the gateway's session may outlive it, so the page says how to sign in again.
			.logout(logout -> logout.logoutSuccessUrl("/signed-out"));
		return http.build();
	}

	/** {@code roles: ["viewer","operator"]} in the ID token becomes {@code ROLE_VIEWER}, {@code ROLE_OPERATOR}. */
	@Bean
	GrantedAuthoritiesMapper rolesClaimAuthorities() {
		return ConsoleSecurityConfiguration::withRoles;
	}

	static Collection<? extends GrantedAuthority> withRoles(Collection<? extends GrantedAuthority> authorities) {
		Set<GrantedAuthority> mapped = new HashSet<>(authorities);
		for (GrantedAuthority authority : authorities) {
			if (authority instanceof OidcUserAuthority oidc) {
				List<String> roles = oidc.getIdToken().getClaimAsStringList(Roles.CLAIM);
				if (roles != null) {
					roles.stream()
						.filter(Roles.KNOWN::contains)
						.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))));
				}
			}
		}
		return mapped;
	}
}
