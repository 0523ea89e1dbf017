package io.eventplatform.gateway.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerProperties;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In production (profile {@code prod}), and in a local run that other machines can reach ({@code ./run.sh --listen},
 * which sets {@code platform.security.refuse-development-secrets}), the gateway refuses to start while any client
 * or person still has a development secret or password: one stored in plain text ({@code {noop}...}), or one that
 * matches a secret documented for development, however it is encoded. Secrets then have to come from the environment, e.g.
 * {@code PLATFORM_SECURITY_CLIENTS_DEMO_CLIENT_SECRET='{bcrypt}$2a$10$...'}.
 */
@Component
@Conditional(DevelopmentSecretsGuard.RefusesDevelopmentSecrets.class)
class DevelopmentSecretsGuard implements InitializingBean {

	/** Set by the local platform when the gateway listens beyond the loopback interface. */
	static final String REFUSE_PROPERTY = "platform.security.refuse-development-secrets";

	static final class RefusesDevelopmentSecrets extends AnyNestedCondition {

		RefusesDevelopmentSecrets() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Profile("prod")
		static final class Production {

		}

		@ConditionalOnBooleanProperty(REFUSE_PROPERTY)
		static final class Exposed {

		}

	}

	/** The secrets the README and application.yml give to the development clients. */
	static final List<String> DEVELOPMENT_SECRETS = List.of("demo-secret", "admin-secret", "ledger-secret",
			"limited-secret", "console-secret", "viewer-password", "operator-password", "secret", "changeit",
			"password");

	private final OAuth2AuthorizationServerProperties authorizationServer;

	private final PeopleProperties people;

	private final PasswordEncoder secrets = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	DevelopmentSecretsGuard(OAuth2AuthorizationServerProperties authorizationServer, PeopleProperties people) {
		this.authorizationServer = authorizationServer;
		this.people = people;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> offenders = new ArrayList<>();
		authorizationServer.getClient().forEach((name, client) -> {
			String clientId = Objects.requireNonNull(client.getRegistration().getClientId(),
					() -> "client " + name + " has no client-id");
			if (isDevelopmentSecret(client.getRegistration().getClientSecret())) {
				offenders.add(clientId + " (set PLATFORM_SECURITY_CLIENTS_"
						+ clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET)");
			}
		});
		people.users().forEach((name, person) -> {
			if (isDevelopmentSecret(person.password())) {
				offenders.add("user " + name + " (set PLATFORM_SECURITY_USERS_"
						+ name.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD)");
			}
		});
		if (!offenders.isEmpty()) {
			throw new IllegalStateException("The prod profile (or " + REFUSE_PROPERTY
					+ ", as ./run.sh --listen sets it) refuses development client secrets; give these clients "
					+ "and people an encoded secret of their own, e.g. {bcrypt}...: " + String.join(", ", offenders));
		}
	}

	boolean isDevelopmentSecret(@Nullable String secret) {
		if (secret == null || secret.isBlank() || secret.startsWith("{noop}") || !secret.startsWith("{")) {
			return true;
		}
		return DEVELOPMENT_SECRETS.stream().anyMatch(candidate -> matches(candidate, secret));
	}

	private boolean matches(String candidate, String encoded) {
		try {
			return secrets.matches(candidate, encoded);
		}
		catch (IllegalArgumentException ex) {
			// An encoding this runtime does not know cannot be checked here; the gateway itself could not use it.
			return true;
		}
	}

}
