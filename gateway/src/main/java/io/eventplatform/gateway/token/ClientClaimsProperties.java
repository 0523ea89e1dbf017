package io.eventplatform.gateway.token;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the gateway knows about a client beyond its OAuth2 registration ({@code platform.security.clients.<id>.*}).
 *
 * @param clients per client id
 */
@ConfigurationProperties("platform.security")
record ClientClaimsProperties(@DefaultValue Map<String, Client> clients) {

	/**
	 * @param accounts the only accounts whose transactions the client may record and read, written into its tokens
	 * as the {@code accounts} claim; empty means the client is not restricted to accounts
	 */
	record Client(@DefaultValue List<String> accounts) {
	}

	List<String> accountsOf(String clientId) {
		Client client = clients.get(clientId);
		return client == null ? List.of() : client.accounts();
	}

}
