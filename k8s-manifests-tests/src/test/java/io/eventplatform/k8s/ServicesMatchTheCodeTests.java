package io.eventplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.eventplatform.contract.Topics;
import io.eventplatform.k8s.ServiceModules.Service;

/**
 * Every service module is deployed, with the image the build makes, on the ports its configuration sets, probed where
 * actuator answers, shut down gracefully, and scaled as the kind of service it is.
 */
class ServicesMatchTheCodeTests {

	private static final String PART_OF = "app.kubernetes.io/part-of";

	static Stream<String> layouts() {
		return Manifests.layouts();
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldDeployEveryServiceModuleAndNothingElse(String layout) {
		Manifests manifests = Manifests.of(layout);
		Set<String> modules = ServiceModules.all().stream().map(Service::module).collect(Collectors.toSet());

		assertThat(modules).as("service modules").isNotEmpty();
		assertThat(manifests.ofKind("Deployment")
			.stream()
			.filter(deployment -> deployment.at("/spec/template/metadata/labels").has(PART_OF) || manifests.isBaseFiles())
			.map(Manifests::name)
			.collect(Collectors.toSet())).isEqualTo(modules);
		for (String module : modules) {
			manifests.get("Service", module);
			manifests.get("PodDisruptionBudget", module);
		}
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldRunTheImageTheBuildMakesForEachService(String layout) {
		Manifests manifests = Manifests.of(layout);
		String registry = ServiceModules.rootPomProperty("image.registry");
		for (Service service : ServiceModules.all()) {
			assertThat(Deployments.container(manifests.get("Deployment", service.module())).path("image").asText())
				.isEqualTo(registry + "/" + service.module() + ":" + ServiceModules.projectVersion());
			assertThat(ServiceModules.read(service.dir().resolve("pom.xml")))
				.as("%s builds an image (jib.skip false)", service.module())
				.contains("<jib.skip>false</jib.skip>");
		}
	}

	@Test
	void shouldNameImagesInTheBuildAsTheManifestsDo() {
		String pom = ServiceModules.read(Manifests.ROOT.resolve("pom.xml"));

		assertThat(pom).contains("<image>${image.registry}/${project.artifactId}:${project.version}</image>")
			.contains("<artifactId>jib-maven-plugin</artifactId>");
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldServeAndProbeOnThePortsTheConfigurationSets(String layout) {
		Manifests manifests = Manifests.of(layout);
		for (Service service : ServiceModules.all()) {
			ObjectNode deployment = manifests.get("Deployment", service.module());
			Map<String, String> environment = Deployments.environment(manifests, deployment);
			JsonNode container = Deployments.container(deployment);
			int serverPort = Integer.parseInt(environment.get("SERVER_PORT"));
			int managementPort = Integer.parseInt(environment.get("MANAGEMENT_SERVER_PORT"));

			assertThat(containerPort(container, "http")).as("http port of %s", service.module()).isEqualTo(serverPort);
			assertThat(containerPort(container, "management")).isEqualTo(managementPort);
			assertThat(managementPort).isNotEqualTo(serverPort);
			assertThat(probe(container, "startupProbe")).isEqualTo("management /actuator/health/liveness");
			assertThat(probe(container, "livenessProbe")).isEqualTo("management /actuator/health/liveness");
			assertThat(probe(container, "readinessProbe")).isEqualTo("management /actuator/health/readiness");

			ObjectNode kubernetesService = manifests.get("Service", service.module());
			assertThat(kubernetesService.at("/spec/ports").size()).as("the Service exposes the API only").isOne();
			assertThat(kubernetesService.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
			assertThat(kubernetesService.at("/spec/ports/0/port").asInt()).isEqualTo(serverPort);
			assertThat(kubernetesService.at("/spec/selector/app.kubernetes.io~1name").asText())
				.isEqualTo(deployment.at("/spec/template/metadata/labels/app.kubernetes.io~1name").asText());
		}
		// Health probes are on by default in the platform; a service must not switch them off.
		assertThat(ServiceModules.read(Manifests.ROOT.resolve(
				"service-support/src/main/resources/platform-defaults.yml"))).contains("probes:\n        enabled: true");
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldRouteTheGatewayToEveryServiceItsConfigurationNames(String layout) {
		Manifests manifests = Manifests.of(layout);
		Map<String, String> gateway = Deployments.environment(manifests, manifests.get("Deployment", "gateway"));
		List<Map.Entry<String, String>> routes = gateway.entrySet()
			.stream()
			.filter(variable -> variable.getKey().startsWith("PLATFORM_GATEWAY_SERVICES_"))
			.toList();

		assertThat(routes).hasSize(ServiceModules.all().size() - 1);
		for (Map.Entry<String, String> route : routes) {
			URI uri = URI.create(route.getValue());
			ObjectNode target = manifests.get("Service", uri.getHost());
			assertThat(uri.getPort()).as(route.getKey()).isEqualTo(target.at("/spec/ports/0/port").asInt());
		}
		// The services fetch the token keys from the gateway inside the cluster (the public issuer is behind the ingress,
		// which their egress policies do not reach).
		int gatewayPort = manifests.get("Service", "gateway").at("/spec/ports/0/port").asInt();
		for (Service service : ServiceModules.all()) {
			if (!service.module().equals("gateway")) {
				assertThat(Deployments.environment(manifests, manifests.get("Deployment", service.module()))
					.get("PLATFORM_SECURITY_JWK_SET_URI")).as("JWKS of %s", service.module())
					.isEqualTo("http://gateway:" + gatewayPort + "/oauth2/jwks");
			}
		}
		ObjectNode ingress = manifests.get("Ingress", "gateway");
		assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText()).isEqualTo("gateway");
		assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/port/name").asText()).isEqualTo("http");
		assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo(ingress.at("/spec/rules/0/host").asText());
		assertThat(URI.create(Deployments.environment(manifests, manifests.get("Deployment", "gateway"))
			.get("PLATFORM_SECURITY_ISSUER_URI")).getHost()).as("the issuer is the public address")
			.isEqualTo(ingress.at("/spec/rules/0/host").asText());
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldGiveEveryOAuth2ClientOfTheGatewayASecretFromASecret(String layout) {
		Map<String, JsonNode> env = Deployments.env(Manifests.of(layout).get("Deployment", "gateway"));
		Pattern placeholder = Pattern.compile("\\$\\{platform\\.security\\.clients\\.([a-z0-9-]+)\\.secret");
		List<String> clients = ServiceModules.named("gateway")
			.properties()
			.entrySet()
			.stream()
			.filter(property -> property.getKey().endsWith(".registration.client-secret"))
			.map(property -> placeholder.matcher(property.getValue()))
			.filter(Matcher::find)
			.map(matcher -> matcher.group(1))
			.toList();

		assertThat(clients).as("clients whose secret the configuration lets the environment set").isNotEmpty();
		for (String client : clients) {
			// The name the prod profile's guard asks for.
			String variable = "PLATFORM_SECURITY_CLIENTS_" + client.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
			assertThat(env).as("the gateway's %s", variable).containsKey(variable);
			// kustomize appends a hash to the name of a generated secret (dev), so a change rolls the gateway out.
			assertThat(env.get(variable).at("/valueFrom/secretKeyRef/name").asText())
				.matches("gateway-clients(-[a-z0-9]{10})?");
		}
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldDrainEndpointsThenShutDownGracefullyWithinTheGracePeriod(String layout) {
		Manifests manifests = Manifests.of(layout);
		// Spring's default spring.lifecycle.timeout-per-shutdown-phase, which no service changes.
		Duration springShutdown = Duration.ofSeconds(30);
		for (Service service : ServiceModules.all()) {
			assertThat(service.properties()).doesNotContainKey("spring.lifecycle.timeout-per-shutdown-phase");
			ObjectNode deployment = manifests.get("Deployment", service.module());
			int preStop = Deployments.container(deployment).at("/lifecycle/preStop/sleep/seconds").asInt();
			int grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt();

			assertThat(preStop).as("preStop pause of %s", service.module()).isBetween(5, 20);
			assertThat(grace).as("grace period of %s", service.module())
				.isGreaterThan(preStop + (int) springShutdown.toSeconds());
		}
		assertThat(ServiceModules.read(Manifests.ROOT.resolve(
				"service-support/src/main/resources/platform-defaults.yml"))).contains("shutdown: graceful");
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldRunAsNonRootOnAReadOnlyFilesystemWithBoundedResources(String layout) {
		Manifests manifests = Manifests.of(layout);
		for (Service service : ServiceModules.all()) {
			ObjectNode deployment = manifests.get("Deployment", service.module());
			JsonNode container = Deployments.container(deployment);

			assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
			assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
			assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
			assertThat(container.at("/securityContext/capabilities/drop").toString()).contains("ALL");
			assertThat(mountPaths(container)).contains("/tmp",
					Deployments.environment(manifests, deployment).get("PLATFORM_DATA_DIR"));
			for (String bound : new String[] { "/resources/requests/cpu", "/resources/requests/memory",
					"/resources/limits/memory" }) {
				assertThat(container.at(bound).isMissingNode()).as("%s of %s", bound, service.module()).isFalse();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldScaleHttpServicesOnCpuAndConsumersOnLagNeverBeyondThePartitions(String layout) {
		Manifests manifests = Manifests.of(layout);
		Set<String> onCpu = manifests.ofKind("HorizontalPodAutoscaler")
			.stream()
			.map(hpa -> hpa.at("/spec/scaleTargetRef/name").asText())
			.collect(Collectors.toSet());
		for (String target : onCpu) {
			assertThat(ServiceModules.all()).as("HPA target %s", target)
				.anyMatch(service -> service.module().equals(target) && service.consumes().isEmpty());
		}
		for (ObjectNode scaledObject : manifests.ofKind("ScaledObject")) {
			String target = scaledObject.at("/spec/scaleTargetRef/name").asText();
			Service service = ServiceModules.all()
				.stream()
				.filter(candidate -> candidate.module().equals(target))
				.findFirst()
				.orElseThrow(() -> new AssertionError("ScaledObject for unknown " + target));
			assertThat(onCpu).as("one autoscaler per Deployment").doesNotContain(target);
			int partitions = 0;
			for (JsonNode trigger : scaledObject.at("/spec/triggers")) {
				assertThat(trigger.path("type").asText()).isEqualTo("kafka");
				String topic = trigger.at("/metadata/topic").asText();
				assertThat(service.consumes()).as("topics %s consumes", target).contains(topic);
				assertThat(service.groups()).contains(trigger.at("/metadata/consumerGroup").asText());
				partitions = Math.max(partitions, Topics.byName(topic).orElseThrow().partitions());
			}
			assertThat(scaledObject.at("/spec/maxReplicaCount").asInt()).as("max replicas of %s", target)
				.isPositive()
				.isLessThanOrEqualTo(partitions);
		}
	}

	/** A standby replica lives on an instance other than its active task's: production runs more than one. */
	@ParameterizedTest
	@MethodSource("layouts")
	void shouldRunAnalyticsOnMoreInstancesThanItKeepsStandbyReplicas(String layout) {
		Manifests manifests = Manifests.of(layout);
		int standbys = Integer.parseInt(ServiceModules.named("analytics-service")
			.properties()
			.getOrDefault("spring.kafka.streams.properties.num.standby.replicas", "0"));
		assertThat(standbys).as("standby replicas of analytics-service's stream tasks").isPositive();
		List<ObjectNode> scalers = manifests.ofKind("ScaledObject")
			.stream()
			.filter(scaler -> scaler.at("/spec/scaleTargetRef/name").asText().equals("analytics-service"))
			.toList();
		if (layout.endsWith("prod")) {
			assertThat(scalers).as("analytics-service's autoscaler in %s", layout).isNotEmpty();
		}
		scalers.forEach(scaler -> assertThat(scaler.at("/spec/minReplicaCount").asInt())
			.as("analytics-service's minimum instances in %s", layout)
			.isGreaterThan(standbys));
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldScaleAConsumerOnTheLagOfEveryGroupItCommitsIn(String layout) {
		Manifests manifests = Manifests.of(layout);
		if (layout.equals("prod")) {
			assertThat(Deployments.names(manifests.ofKind("ScaledObject"))).as("lag-scaled in prod")
				.contains("notification-service", "analytics-service", "warehouse-service");
		}
		for (ObjectNode scaledObject : manifests.ofKind("ScaledObject")) {
			Service service = ServiceModules.named(scaledObject.at("/spec/scaleTargetRef/name").asText());
			Set<String> watched = scaledObject.at("/spec/triggers")
				.findValuesAsText("consumerGroup")
				.stream()
				.collect(Collectors.toSet());

			// A group without a trigger can fall behind and never add an instance.
			assertThat(watched).as("groups whose lag scales %s", service.module())
				.containsExactlyInAnyOrderElementsOf(service.groups());
		}
	}

	private static int containerPort(JsonNode container, String name) {
		for (JsonNode port : container.path("ports")) {
			if (port.path("name").asText().equals(name)) {
				return port.path("containerPort").asInt();
			}
		}
		throw new AssertionError("No container port named " + name);
	}

	private static String probe(JsonNode container, String probe) {
		return container.at("/" + probe + "/httpGet/port").asText() + " "
				+ container.at("/" + probe + "/httpGet/path").asText();
	}

	private static List<String> mountPaths(JsonNode container) {
		return container.findValuesAsText("mountPath");
	}
}
