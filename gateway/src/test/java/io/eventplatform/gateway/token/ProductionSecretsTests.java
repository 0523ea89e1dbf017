package io.eventplatform.gateway.token;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.eventplatform.gateway.GatewayApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionSecretsTests {

	private static final String DEMO = "spring.security.oauth2.authorizationserver.client.demo-client.registration.";

	private final ApplicationContextRunner guard = new ApplicationContextRunner()
		.withUserConfiguration(AuthorizationServerProperties.class, DevelopmentSecretsGuard.class)
		.withPropertyValues(DEMO + "client-id=demo-client", DEMO + "client-authentication-methods=client_secret_basic",
				DEMO + "authorization-grant-types=client_credentials");

	@Test
	void shouldRefuseToStartTheGatewayWithTheDevelopmentSecretsInProduction() {
		// Given: the gateway exactly as configured in application.yml, with the prod profile
		var gateway = new SpringApplicationBuilder(GatewayApplication.class).profiles("prod")
			.properties("server.port=0", "platform.security.signing-keys.store=target/test-data/prod-keys.jwks");

		// When / Then
		assertThatThrownBy(() -> gateway.run().close()).rootCause()
			.hasMessageContaining("refuses development client secrets")
			.hasMessageContaining("demo-client (set PLATFORM_SECURITY_CLIENTS_DEMO_CLIENT_SECRET)")
			.hasMessageContaining("platform-admin")
			.hasMessageContaining("ledger-client")
			.hasMessageContaining("console (set PLATFORM_SECURITY_CLIENTS_CONSOLE_SECRET)")
			.hasMessageContaining("user operator (set PLATFORM_SECURITY_USERS_OPERATOR_PASSWORD)")
			.hasMessageContaining("user viewer (set PLATFORM_SECURITY_USERS_VIEWER_PASSWORD)");
	}

	@Test
	void shouldRefuseADevelopmentPasswordOfAPersonHoweverItIsEncoded() {
		String encoded = "{bcrypt}" + new BCryptPasswordEncoder().encode("operator-password");
		String ownSecret = "{bcrypt}" + new BCryptPasswordEncoder().encode("a-secret-from-the-vault");

		guard.withPropertyValues("spring.profiles.active=prod", DEMO + "client-secret=" + ownSecret,
				"platform.security.users.operator.password=" + encoded)
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("user operator (set PLATFORM_SECURITY_USERS_OPERATOR_PASSWORD)"));
		guard.withPropertyValues("spring.profiles.active=prod", DEMO + "client-secret=" + ownSecret,
				"platform.security.users.operator.password=" + ownSecret)
			.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void shouldRefuseADevelopmentSecretHoweverItIsEncoded() {
		String encoded = "{bcrypt}" + new BCryptPasswordEncoder().encode("demo-secret");

		guard.withPropertyValues("spring.profiles.active=prod", DEMO + "client-secret=" + encoded)
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("refuses development client secrets"));
		guard.withPropertyValues("spring.profiles.active=prod", DEMO + "client-secret={noop}something-long-and-new")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("refuses development client secrets"));
	}

	@Test
	void shouldRefuseTheDevelopmentSecretsWhenALocalRunIsExposedToTheNetwork() {
		// Given: what ./run.sh --listen 0.0.0.0 passes to the gateway, without the prod profile
		var gateway = new SpringApplicationBuilder(GatewayApplication.class).properties("server.port=0",
				"server.address=127.0.0.1", "platform.security.refuse-development-secrets=true",
				"platform.security.signing-keys.store=target/test-data/exposed-keys.jwks");

		// When / Then
		assertThatThrownBy(() -> gateway.run().close()).rootCause()
			.hasMessageContaining("refuses development client secrets")
			.hasMessageContaining("demo-client (set PLATFORM_SECURITY_CLIENTS_DEMO_CLIENT_SECRET)");
	}

	@Test
	void shouldStartWhenExposedWithSecretsOfItsOwn() {
		String encoded = "{bcrypt}" + new BCryptPasswordEncoder().encode("a-secret-from-the-vault");

		guard.withPropertyValues("platform.security.refuse-development-secrets=true", DEMO + "client-secret=" + encoded)
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(DevelopmentSecretsGuard.class));
	}

	@Test
	void shouldStartInProductionWithASecretOfItsOwn() {
		String encoded = "{bcrypt}" + new BCryptPasswordEncoder().encode("a-secret-from-the-vault");

		guard.withPropertyValues("spring.profiles.active=prod", DEMO + "client-secret=" + encoded)
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(DevelopmentSecretsGuard.class));
	}

	@Test
	void shouldAcceptDevelopmentSecretsOutsideProduction() {
		guard.withPropertyValues(DEMO + "client-secret={noop}demo-secret")
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DevelopmentSecretsGuard.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ OAuth2AuthorizationServerProperties.class, PeopleProperties.class })
	static class AuthorizationServerProperties {

	}

}
