package io.eventplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.eventplatform.k8s.ServiceModules.Service;

/**
 * Every environment variable a service's container gets (its own and its ConfigMaps') sets a configuration property
 * the service has: a misspelt or stale variable would otherwise be ignored without a word.
 */
class EnvironmentVariablesBindTests {

	static Stream<String> layouts() {
		return Manifests.layouts();
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldBindEveryEnvironmentVariableToAPropertyOfItsService(String layout) {
		Manifests manifests = Manifests.of(layout);
		for (Service service : ServiceModules.all()) {
			ConfigurationProperties properties = ConfigurationProperties.of(service);
			List<String> unbound = Deployments.environment(manifests, manifests.get("Deployment", service.module()))
				.keySet()
				.stream()
				.filter(variable -> !properties.binds(variable))
				.toList();

			assertThat(unbound).as("variables of %s that set no property", service.module()).isEmpty();
		}
	}

	@Test
	void shouldTellAMisspeltVariableFromARealOne() {
		ConfigurationProperties gateway = ConfigurationProperties.of(ServiceModules.named("gateway"));

		assertThat(gateway.binds("PLATFORM_GATEWAY_SERVICES_WEATHERINGEST")).isTrue();
		assertThat(gateway.binds("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).isTrue();
		assertThat(gateway.binds("PLATFORM_GATEWAY_SERVICE_WEATHERINGEST")).isFalse();
		assertThat(gateway.binds("SPRING_KAFKA_BOOTSTRAP_SERVER")).isFalse();
	}
}
