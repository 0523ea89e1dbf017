package io.eventplatform.gateway.token;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The OAuth2 endpoints ({@code /oauth2/token}, {@code /oauth2/jwks}, metadata, introspection, revocation). Clients,
 * issuer and token lifetime come from Boot's {@code spring.security.oauth2.authorizationserver.*} properties; this
 * class only adds what those cannot express.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	/**
	 * Runs before the API chain and claims only the authorisation server's endpoints. Defining it replaces Boot's
	 * default chain, which would also add a form-login redirect that a machine-to-machine gateway does not want.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer(authorizationServer -> {
			http.securityMatcher(authorizationServer.getEndpointsMatcher());
			authorizationServer
				.tokenEndpoint(tokenEndpoint -> tokenEndpoint
					.authenticationProviders(RegisteredScopesByDefault::decorate));
		})
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/**
	 * Services and the gateway's request log identify the caller by {@code client_id} (RFC 9068); Spring Authorization
	 * Server writes the client only into {@code sub} and {@code aud}.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> clientIdClaim() {
		return context -> {
			if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
			}
		};
	}

}
