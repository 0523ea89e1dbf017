package io.eventplatform.gateway.token;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;

import io.eventplatform.gateway.limits.RateLimitProperties;
import io.eventplatform.gateway.limits.TokenEndpointRateLimitFilter;
import io.eventplatform.support.security.PlatformSecurityProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OAuth2 endpoints ({@code /oauth2/token}, {@code /oauth2/jwks}, metadata, introspection, revocation). Clients,
 * issuer and token lifetime come from Boot's {@code spring.security.oauth2.authorizationserver.*} properties; this
 * class only adds what those cannot express.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ClientClaimsProperties.class, AuthorizationStoreProperties.class })
class AuthorizationServerConfiguration {

	private static final String ROLE_PREFIX = "ROLE_";

	/**
	 * Runs before the API chain and claims only the authorisation server's endpoints. Defining it replaces Boot's
	 * default chain, which would send every unauthenticated caller, machines included, to the login form: here only
	 * a browser asking for HTML is sent there, a client gets the OAuth2 error.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, RegisteredClientRepository clients,
			OAuth2AuthorizationServerProperties properties, RateLimitProperties rateLimits, JsonMapper jsonMapper)
			throws Exception {
		List<String> storedSecrets = properties.getClient()
			.values()
			.stream()
			.map(client -> client.getRegistration().getClientSecret())
			.toList();
		http.oauth2AuthorizationServer(authorizationServer -> {
			http.securityMatcher(authorizationServer.getEndpointsMatcher());
			authorizationServer
				.clientAuthentication(clientAuthentication -> clientAuthentication.authenticationProviders(
						providers -> providers.add(0, new UnknownClientSecretCheck(clients, storedSecrets))))
				.tokenEndpoint(tokenEndpoint -> tokenEndpoint
					.authenticationProviders(RegisteredScopesByDefault::decorate))
				// ID tokens and the user-info endpoint for the console's sign-in (authorisation code with PKCE).
				.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			// A browser that asks to authorise without being signed in goes to the login page and comes back; the
			// session that carries it between the two is the only one: machine clients never get a session cookie.
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint(SignInConfiguration.LOGIN_PAGE), asksForHtml()))
			// Only such a browser's request is kept to continue after the login (in a session); nobody else's.
			.requestCache(cache -> cache.requestCache(browsersOnly()))
			// The user-info endpoint takes the access token of a signed-in person.
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
			// Before any secret is compared: a refused guess costs no hash.
			.addFilterBefore(new TokenEndpointRateLimitFilter(rateLimits.tokenEndpoint(), clients, jsonMapper),
					AbstractPreAuthenticatedProcessingFilter.class);
		return http.build();
	}

	private static HttpSessionRequestCache browsersOnly() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(asksForHtml());
		return cache;
	}

	/** A browser: it names text/html; a client that accepts anything (or sends no Accept at all) is not one. */
	private static MediaTypeRequestMatcher asksForHtml() {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return html;
	}

	/**
	 * Issued tokens are remembered until they expire, within a bound, instead of for ever (without a bean, Spring
	 * Authorization Server falls back to its unbounded in-memory service).
	 */
	@Bean
	OAuth2AuthorizationService authorizationService(AuthorizationStoreProperties properties,
			MeterRegistry meterRegistry, Clock clock) {
		ExpiringAuthorizationService service = new ExpiringAuthorizationService(properties.maximumSize(), clock);
		Gauge.builder("platform.gateway.oauth2.authorizations", service, ExpiringAuthorizationService::size)
			.description("Issued tokens' authorizations held for introspection and revocation")
			.register(meterRegistry);
		return service;
	}

	/**
	 * The claims the platform adds to every access token:
	 * <ul>
	 * <li>{@code aud}: the platform's audience, which every service insists on (Spring Authorization Server would
	 * write the client id there, which says nothing about who may accept the token);</li>
	 * <li>{@code client_id} (RFC 9068): services and the gateway's request log identify the caller by it;</li>
	 * <li>{@code accounts}: for a client restricted to some accounts, the only accounts it may touch.</li>
	 * </ul>
	 * Tokens issued for a signed-in person (the console's authorisation-code flow), the ID token included, also carry
	 * {@code roles}: the person's roles ({@code viewer}, {@code operator}), which the console maps to what it shows.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(PlatformSecurityProperties security,
			ClientClaimsProperties clients) {
		return context -> {
			if (isPerson(context.getPrincipal())) {
				context.getClaims().claim("roles", rolesOf(context.getPrincipal()));
			}
			if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				String clientId = context.getRegisteredClient().getClientId();
				context.getClaims().audience(List.of(security.audience())).claim("client_id", clientId);
				List<String> accounts = clients.accountsOf(clientId);
				if (!accounts.isEmpty()) {
					context.getClaims().claim("accounts", accounts);
				}
			}
		};
	}

	/** A client authenticates as itself; a person signs in through the login form. */
	private static boolean isPerson(Authentication principal) {
		return !(principal instanceof OAuth2ClientAuthenticationToken);
	}

	private static List<String> rolesOf(Authentication person) {
		return person.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith(ROLE_PREFIX))
			.map(authority -> authority.substring(ROLE_PREFIX.length()).toLowerCase(Locale.ROOT))
			.sorted()
			.toList();
	}

}
