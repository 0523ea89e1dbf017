package io.eventplatform.gateway.security;

import java.net.URI;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The issuer the gateway writes into every token and the services check ({@code platform.security.issuer-uri}). It is
 * fixed by configuration, never taken from the request, so a token means the same whichever host name a client used.
 * Services also fetch the signing keys from {@code <issuer-uri>/oauth2/jwks}, so it must be an address they can reach.
 */
@ConfigurationProperties("platform.security")
record IssuerProperties(URI issuerUri) {

	IssuerProperties {
		Objects.requireNonNull(issuerUri, "platform.security.issuer-uri must be set");
	}

}
