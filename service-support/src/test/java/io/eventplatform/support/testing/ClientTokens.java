package io.eventplatform.support.testing;

import java.util.List;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Tokens shaped as the gateway issues them ({@code client_id}, {@code sub}, {@code scope}, and for a client
 * restricted to accounts the {@code accounts} claim), for the four callers the ownership rules tell apart.
 */
public final class ClientTokens {

	private ClientTokens() {
	}

	/**
	 * @param client {@code admin}: {@code scope} and {@code platform:admin}, like the platform-admin client;
	 * {@code reader}: {@code scope} and no accounts, like the demo client; {@code owner} and {@code other}: {@code scope},
	 * restricted to the account {@code own} or {@code other}
	 */
	public static RequestPostProcessor as(String client, String scope, String own, String other) {
		return jwt().jwt(token -> {
			token.claim("client_id", client + "-client").subject(client + "-client");
			switch (client) {
				case "admin" -> token.claim("scope", scope + " platform:admin");
				case "reader" -> token.claim("scope", scope);
				case "owner" -> token.claim("scope", scope).claim("accounts", List.of(own));
				case "other" -> token.claim("scope", scope).claim("accounts", List.of(other));
				default -> throw new IllegalArgumentException(client);
			}
		});
	}
}
