package io.eventplatform.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whether the network policies of a layout let one Deployment's pods open a TCP connection to another's, as
 * Kubernetes decides it: a pod selected by no policy of a direction is open in that direction; a selected one takes
 * only what some rule of those policies allows (peers by pod and namespace selectors, ports by number or by the
 * destination container's port name). Both ends are pods of the platform's one namespace. Peers given by
 * {@code ipBlock} and port ranges ({@code endPort}) are not evaluated: a rule made only of them never matches here,
 * although a network plugin may match a pod's IP against an {@code ipBlock}; the policies between the platform's own
 * pods use selectors.
 */
final class NetworkPolicies {

	private final Manifests manifests;

	NetworkPolicies(Manifests manifests) {
		this.manifests = manifests;
	}

	/** Whether pods of {@code from} may connect to pods of {@code to} on the container port named {@code portName}. */
	boolean allows(String from, String to, String portName) {
		JsonNode destination = manifests.get("Deployment", to);
		int port = StreamSupport.stream(Deployments.container(destination).path("ports").spliterator(), false)
			.filter(entry -> entry.path("name").asText().equals(portName))
			.mapToInt(entry -> entry.path("containerPort").asInt())
			.findFirst()
			.orElseThrow(() -> new AssertionError(to + " has no container port named " + portName));
		Map<String, String> source = podLabels(manifests.get("Deployment", from));
		Map<String, String> target = podLabels(destination);
		return open("Egress", "egress", "to", source, target, port, portName)
				&& open("Ingress", "ingress", "from", target, source, port, portName);
	}

	/**
	 * Whether pods of {@code from} may connect out to pods labelled {@code peer} in another namespace, on
	 * {@code port}: this layout's egress side only (the other namespace's ingress is not part of it).
	 */
	boolean allowsEgress(String from, String namespace, Map<String, String> peer, int port) {
		Map<String, String> source = podLabels(manifests.get("Deployment", from));
		List<ObjectNode> policies = manifests.ofKind("NetworkPolicy")
			.stream()
			.filter(policy -> types(policy).contains("Egress"))
			.filter(policy -> selects(policy.at("/spec/podSelector"), source))
			.toList();
		if (policies.isEmpty()) {
			return true;
		}
		for (ObjectNode policy : policies) {
			for (JsonNode rule : policy.at("/spec/egress")) {
				if (peerMatches(rule.path("to"), namespace, peer) && portMatches(rule.path("ports"), port, "")) {
					return true;
				}
			}
		}
		return false;
	}

	/** The labels of a Deployment's pods, including those kustomize adds to templates (base files lack them). */
	Map<String, String> podLabels(JsonNode deployment) {
		Map<String, String> labels = new LinkedHashMap<>();
		if (manifests.isBaseFiles()) {
			JsonNode kustomization = Manifests.parseDocuments(
					ServiceModules.read(Manifests.K8S.resolve("base/services/kustomization.yaml")))
				.get(0);
			for (JsonNode entry : kustomization.path("labels")) {
				if (entry.path("includeTemplates").asBoolean()) {
					entry.path("pairs").properties().forEach(pair -> labels.put(pair.getKey(), pair.getValue().asText()));
				}
			}
		}
		deployment.at("/spec/template/metadata/labels")
			.properties()
			.forEach(label -> labels.put(label.getKey(), label.getValue().asText()));
		return labels;
	}

	/**
	 * @param pod the pod whose policies of this direction decide
	 * @param peer the pod at the other end
	 */
	private boolean open(String policyType, String rulesField, String peersField, Map<String, String> pod,
			Map<String, String> peer, int port, String portName) {
		List<ObjectNode> policies = manifests.ofKind("NetworkPolicy")
			.stream()
			.filter(policy -> types(policy).contains(policyType))
			.filter(policy -> selects(policy.at("/spec/podSelector"), pod))
			.toList();
		if (policies.isEmpty()) {
			return true;
		}
		for (ObjectNode policy : policies) {
			for (JsonNode rule : policy.at("/spec/" + rulesField)) {
				if (peerMatches(rule.path(peersField), Manifests.NAMESPACE, peer) && portMatches(rule.path("ports"), port, portName)) {
					return true;
				}
			}
		}
		return false;
	}

	private static Set<String> types(JsonNode policy) {
		JsonNode types = policy.at("/spec/policyTypes");
		if (types.isMissingNode()) {
			return policy.at("/spec/egress").isMissingNode() ? Set.of("Ingress") : Set.of("Ingress", "Egress");
		}
		return Set.copyOf(StreamSupport.stream(types.spliterator(), false).map(JsonNode::asText).toList());
	}

	private static boolean peerMatches(JsonNode peers, String peerNamespace, Map<String, String> peer) {
		if (peers.isMissingNode() || peers.isEmpty()) {
			return true;
		}
		for (JsonNode candidate : peers) {
			if (candidate.has("ipBlock")) {
				continue;
			}
			boolean namespace = !candidate.has("namespaceSelector") || selects(candidate.get("namespaceSelector"),
					Map.of("kubernetes.io/metadata.name", peerNamespace));
			boolean pods = !candidate.has("podSelector") || selects(candidate.get("podSelector"), peer);
			if (namespace && pods) {
				return true;
			}
		}
		return false;
	}

	private static boolean portMatches(JsonNode ports, int port, String portName) {
		if (ports.isMissingNode() || ports.isEmpty()) {
			return true;
		}
		for (JsonNode entry : ports) {
			boolean tcp = entry.path("protocol").asText("TCP").equals("TCP");
			JsonNode value = entry.path("port");
			boolean matches = value.isMissingNode() || (value.isInt() ? value.asInt() == port
					: value.asText().equals(portName) || value.asText().equals(Integer.toString(port)));
			if (tcp && matches) {
				return true;
			}
		}
		return false;
	}

	/** A label selector: every matchLabels pair and every matchExpressions requirement holds. */
	static boolean selects(JsonNode selector, Map<String, String> labels) {
		for (Map.Entry<String, JsonNode> required : selector.path("matchLabels").properties()) {
			if (!required.getValue().asText().equals(labels.get(required.getKey()))) {
				return false;
			}
		}
		for (JsonNode expression : selector.path("matchExpressions")) {
			String value = labels.get(expression.path("key").asText());
			List<String> values = StreamSupport.stream(expression.path("values").spliterator(), false)
				.map(JsonNode::asText)
				.toList();
			boolean holds = switch (expression.path("operator").asText()) {
				case "In" -> value != null && values.contains(value);
				case "NotIn" -> value == null || !values.contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> throw new AssertionError("Unknown selector operator in " + expression);
			};
			if (!holds) {
				return false;
			}
		}
		return true;
	}

}
