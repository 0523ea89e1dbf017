package io.eventplatform.gateway.token;

import java.util.Collection;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Spring Authorization Server answers a client id it does not know at once, without checking a secret, while a known
 * id costs a password hash comparison: the time of the answer told which client ids exist. This provider runs first
 * and, for an unknown id, compares the secret offered with a registered client's stored secret (the costliest
 * encoding configured) before refusing it, so a wrong client id answers no faster than a right one.
 */
final class UnknownClientSecretCheck implements AuthenticationProvider {

	private final RegisteredClientRepository clients;

	private final PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final String dummySecret;

	/** @param storedSecrets the encoded secrets of the registered clients */
	UnknownClientSecretCheck(RegisteredClientRepository clients, Collection<String> storedSecrets) {
		this.clients = clients;
		// A hashed secret if any client has one: comparing with it costs what a registered client's check costs.
		this.dummySecret = storedSecrets.stream()
			.filter(secret -> secret != null && secret.startsWith("{") && !secret.startsWith("{noop}"))
			.findFirst()
			.orElse("{noop}" + UUID.randomUUID());
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) authentication;
		if (!ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(client.getClientAuthenticationMethod())
				&& !ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(client.getClientAuthenticationMethod())) {
			return null;
		}
		if (clients.findByClientId(String.valueOf(client.getPrincipal())) != null) {
			// A registered client: Spring Authorization Server's own provider checks its secret.
			return null;
		}
		Object secret = client.getCredentials();
		passwordEncoder.matches(secret == null ? "" : secret.toString(), dummySecret);
		throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
