package io.eventplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each overlay renders into one namespace, keeps the network closed by default, and takes its secrets from where the
 * documentation says: generated for development, created out of band (and listed in k8s/README.md) for production.
 */
class OverlaysTests {

	@Test
	void shouldHaveADevelopmentAndAProductionOverlay() {
		assertThat(Manifests.overlays()).contains("dev", "prod");
	}

	@ParameterizedTest
	@MethodSource("io.eventplatform.k8s.Manifests#overlays")
	void shouldRenderIntoOneNamespaceWithoutDuplicates(String overlay) {
		List<ObjectNode> objects = Manifests.rendered(overlay).all();
		Set<String> seen = new HashSet<>();

		assertThat(objects).isNotEmpty();
		for (ObjectNode object : objects) {
			String id = object.path("kind").asText() + "/" + Manifests.name(object);
			assertThat(seen.add(id)).as("%s declared once", id).isTrue();
			if (!object.path("kind").asText().equals("Namespace")) {
				assertThat(object.at("/metadata/namespace").asText()).as("namespace of %s", id)
					.isEqualTo(Manifests.NAMESPACE);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("io.eventplatform.k8s.Manifests#layouts")
	void shouldDenyAllIngressByDefaultAndLetOnlyTheIngressControllerReachTheGateway(String layout) {
		Manifests manifests = Manifests.of(layout);
		ObjectNode denyAll = manifests.get("NetworkPolicy", "default-deny-ingress");
		assertThat(denyAll.at("/spec/podSelector").isEmpty()).isTrue();
		assertThat(denyAll.at("/spec/ingress").isMissingNode()).isTrue();

		// Every policy that lets traffic into the gateway's or a service's API port names who may come.
		for (ObjectNode policy : manifests.ofKind("NetworkPolicy")) {
			for (JsonNode rule : policy.at("/spec/ingress")) {
				assertThat(rule.path("from").isEmpty()).as("%s allows traffic from anywhere", Manifests.name(policy))
					.isFalse();
			}
		}
		JsonNode gatewayFrom = manifests.get("NetworkPolicy", "gateway-ingress").at("/spec/ingress/0/from");
		assertThat(gatewayFrom.findValuesAsText("kubernetes.io/metadata.name")).containsExactly("ingress-nginx");
		JsonNode servicesFrom = manifests.get("NetworkPolicy", "services-ingress-from-gateway").at("/spec/ingress/0/from");
		assertThat(servicesFrom.findValuesAsText("app.kubernetes.io/name")).containsExactly("gateway");
	}

	@Test
	void shouldCommitNoSecretForProduction() {
		assertThat(Manifests.rendered("prod").ofKind("Secret")).isEmpty();
	}

	@Test
	void shouldDocumentEverySecretProductionNeeds() {
		Manifests prod = Manifests.rendered("prod");
		String readme = ServiceModules.read(Manifests.K8S.resolve("README.md"));
		Set<String> operatorMade = new HashSet<>(Deployments.names(prod.ofKind("KafkaUser")));
		operatorMade.add("event-platform-cluster-ca-cert");

		Set<String> referenced = new TreeSet<>(secretNames(prod));
		referenced.removeAll(operatorMade);

		assertThat(referenced).isNotEmpty()
			.allSatisfy(secret -> assertThat(readme).as("k8s/README.md names the secret %s", secret)
				.contains("`" + secret + "`"));
	}

	@Test
	void shouldGenerateEverySecretDevelopmentNeeds() {
		Manifests dev = Manifests.rendered("dev");
		Set<String> available = new HashSet<>(Deployments.names(dev.ofKind("Secret")));
		available.addAll(Deployments.names(dev.ofKind("KafkaUser")));
		available.add("event-platform-cluster-ca-cert");
		// TLS for the ingress is the one secret left to the developer (see k8s/README.md); SMTP credentials are optional.
		available.addAll(List.of("gateway-tls", "smtp-credentials"));

		assertThat(secretNames(dev)).allSatisfy(secret -> assertThat(available).contains(secret));
	}

	/** Every Secret name the objects refer to, wherever a resource keeps it. */
	static Set<String> secretNames(Manifests manifests) {
		Set<String> names = new TreeSet<>();
		for (ObjectNode object : manifests.all()) {
			object.findParents("secretKeyRef").forEach(parent -> names.add(parent.at("/secretKeyRef/name").asText()));
			object.findValues("secretName").forEach(name -> names.add(name.asText()));
			object.findParents("passwordSecret").forEach(parent -> names.add(parent.at("/passwordSecret/name").asText()));
			object.findValues("secretTargetRef")
				.forEach(refs -> refs.forEach(ref -> names.add(ref.path("name").asText())));
		}
		manifests.ofKind("Cluster").forEach(cluster -> names.add(cluster.at("/spec/bootstrap/initdb/secret/name").asText()));
		names.remove("");
		return names.stream().collect(Collectors.toCollection(TreeSet::new));
	}
}
