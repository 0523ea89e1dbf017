package io.eventplatform.gateway.token;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Grants a client all its registered scopes when its client-credentials request names none.
 * <p>
 * RFC 6749 (section 3.3) lets the server pick a default when {@code scope} is omitted; Spring Authorization Server
 * picks the empty set, which would give our clients tokens that open no API at all. We keep its provider for
 * everything else (scope validation, DPoP, token generation, storage) and only fill in the scopes before it runs:
 * the client is already authenticated at this point, so its registration is the authoritative list.
 */
final class RegisteredScopesByDefault implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private RegisteredScopesByDefault(AuthenticationProvider delegate) {
		this.delegate = delegate;
	}

	/**
	 * Wraps Spring Authorization Server's client-credentials provider in the token endpoint's list of providers.
	 */
	static void decorate(List<AuthenticationProvider> providers) {
		providers.replaceAll(provider -> (provider instanceof OAuth2ClientCredentialsAuthenticationProvider)
				? new RegisteredScopesByDefault(provider) : provider);
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
		return delegate.authenticate(withDefaultScopes((OAuth2ClientCredentialsAuthenticationToken) authentication));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return delegate.supports(authentication);
	}

	private static Authentication withDefaultScopes(OAuth2ClientCredentialsAuthenticationToken request) {
		if (!request.getScopes().isEmpty()
				|| !(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client)
				|| !client.isAuthenticated() || client.getRegisteredClient() == null) {
			// Either scopes were named, or the client is not authenticated: the delegate decides as usual.
			return request;
		}
		RegisteredClient registeredClient = client.getRegisteredClient();
		OAuth2ClientCredentialsAuthenticationToken withScopes = new OAuth2ClientCredentialsAuthenticationToken(client,
				registeredClient.getScopes(), request.getAdditionalParameters());
		withScopes.setDetails(request.getDetails());
		return withScopes;
	}

}
