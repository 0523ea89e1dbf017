package io.eventplatform.console.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import io.eventplatform.console.ConsoleProperties;

/**
 * In production (profile {@code prod}) the console refuses to start with the development secret of its gateway
 * client, which the README publishes; the real one comes from {@code PLATFORM_CONSOLE_CLIENT_SECRET}.
 */
@Component
@Profile("prod")
class DevelopmentSecretGuard implements InitializingBean {

	static final String DEVELOPMENT_SECRET = "console-secret";

	private final ConsoleProperties properties;

	DevelopmentSecretGuard(ConsoleProperties properties) {
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		String secret = properties.clientSecret();
		if (secret.isBlank() || DEVELOPMENT_SECRET.equals(secret) || secret.startsWith("{")) {
			throw new IllegalStateException("The prod profile refuses the console's development client secret; set "
					+ "PLATFORM_CONSOLE_CLIENT_SECRET to the plain secret the gateway has for client 'console'");
		}
	}
}
