package io.eventplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.eventplatform.k8s.ServiceModules.Service;

/**
 * The connections the code makes are the ones the network policies let through, and the others stay closed: the
 * gateway forwards to every service, the services fetch the token keys from the gateway, and analytics-service
 * instances forward key queries to each other at the address each advertises to Kafka Streams.
 */
class NetworkPathsTests {

	private static final String ANALYTICS = "analytics-service";

	/** The placeholder analytics' {@code application.server} takes its host from. */
	private static final Pattern ADVERTISED_HOST = Pattern
		.compile("application\\.server:\\s*\\$\\{([a-z0-9.\\-]+):[^}]*}:\\$\\{server\\.port}");

	static Stream<String> layouts() {
		return Manifests.layouts();
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldLetTheGatewayReachEveryServiceAndEveryServiceTheGatewaysKeys(String layout) {
		NetworkPolicies network = new NetworkPolicies(Manifests.of(layout));
		for (Service service : services()) {
			assertThat(network.allows("gateway", service.module(), "http")).as("gateway -> %s", service.module())
				.isTrue();
			assertThat(network.allows(service.module(), "gateway", "http")).as("%s -> gateway (JWKS)", service.module())
				.isTrue();
			// The gateway routes the API port only; metrics without a token are for Prometheus.
			assertThat(network.allows("gateway", service.module(), "management"))
				.as("gateway -> %s's management port", service.module())
				.isFalse();
		}
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldOpenTheManagementPortToTheMonitoringNamespaceOnlyWherePrometheusScrapesIt(String layout) {
		Manifests manifests = Manifests.of(layout);
		List<JsonNode> peers = new ArrayList<>();
		for (JsonNode policy : manifests.ofKind("NetworkPolicy")) {
			for (JsonNode rule : policy.at("/spec/ingress")) {
				boolean management = false;
				for (JsonNode port : rule.path("ports")) {
					management |= port.path("port").asText().equals("management");
				}
				if (management) {
					rule.path("from").forEach(peers::add);
				}
			}
		}
		assertThat(peers).as("peers admitted to the management port").isNotEmpty().allSatisfy(peer -> {
			assertThat(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).isEqualTo("monitoring");
			assertThat(peer.has("podSelector")).isFalse();
			assertThat(peer.has("ipBlock")).isFalse();
		});
		JsonNode podMonitor = manifests.get("PodMonitor", "event-platform-services");
		assertThat(podMonitor.at("/spec/podMetricsEndpoints/0/port").asText()).isEqualTo("management");
		assertThat(podMonitor.at("/spec/podMetricsEndpoints/0/path").asText()).isEqualTo("/actuator/prometheus");
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldKeepTheServicesApisClosedToEachOtherExceptAnalyticsToAnalytics(String layout) {
		NetworkPolicies network = new NetworkPolicies(Manifests.of(layout));
		for (Service from : services()) {
			for (Service to : services()) {
				boolean expected = from.module().equals(ANALYTICS) && to.module().equals(ANALYTICS);
				assertThat(network.allows(from.module(), to.module(), "http")).as("%s -> %s", from.module(), to.module())
					.isEqualTo(expected);
				assertThat(network.allows(from.module(), to.module(), "management"))
					.as("%s -> %s's management port", from.module(), to.module())
					.isFalse();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldAdvertiseEachAnalyticsInstanceAtItsPodAddress(String layout) {
		Manifests manifests = Manifests.of(layout);
		String yaml = ServiceModules.read(ServiceModules.named(ANALYTICS).dir().resolve("src/main/resources/application.yml"));
		Matcher placeholder = ADVERTISED_HOST.matcher(yaml);
		assertThat(placeholder.find()).as("analytics' application.server takes its host from a property").isTrue();
		String variable = placeholder.group(1).toUpperCase().replace('.', '_').replace('-', '_');

		JsonNode entry = Deployments.env(manifests.get("Deployment", ANALYTICS)).get(variable);

		// Without it every instance advertises localhost, and a query forwarded to the key's owner reaches itself.
		assertThat(entry).as("%s sets %s", ANALYTICS, variable).isNotNull();
		assertThat(entry.at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("status.podIP");
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldLetOnlyTheConsoleReachPrometheusAtTheAddressItIsGiven(String layout) {
		Manifests manifests = Manifests.of(layout);
		NetworkPolicies network = new NetworkPolicies(manifests);
		JsonNode uri = Deployments.env(manifests.get("Deployment", "console")).get("PLATFORM_CONSOLE_PROMETHEUS_URI");
		assertThat(uri).as("console sets PLATFORM_CONSOLE_PROMETHEUS_URI").isNotNull();
		java.net.URI prometheus = java.net.URI.create(uri.path("value").asText());
		// <service>.<namespace>: the Prometheus of kube-prometheus-stack, whose pods the operator labels so.
		String namespace = prometheus.getHost().split("\\.")[1];
		java.util.Map<String, String> pods = java.util.Map.of("app.kubernetes.io/name", "prometheus");

		assertThat(network.allowsEgress("console", namespace, pods, prometheus.getPort())).as("console -> %s", prometheus)
			.isTrue();
		for (Service service : services()) {
			if (!service.module().equals("console")) {
				assertThat(network.allowsEgress(service.module(), namespace, pods, prometheus.getPort()))
					.as("%s -> %s", service.module(), prometheus)
					.isFalse();
			}
		}
	}

	private static List<Service> services() {
		return ServiceModules.all().stream().filter(service -> !service.module().equals("gateway")).toList();
	}

}
