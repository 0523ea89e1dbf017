package io.eventplatform.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading a Deployment's one application container. */
final class Deployments {

	private Deployments() {
	}

	static JsonNode container(JsonNode deployment) {
		JsonNode containers = deployment.at("/spec/template/spec/containers");
		if (containers.size() != 1) {
			throw new AssertionError(Manifests.name(deployment) + " should run exactly one container");
		}
		return containers.get(0);
	}

	/** The container's explicit environment entries by name. */
	static Map<String, JsonNode> env(JsonNode deployment) {
		Map<String, JsonNode> env = new LinkedHashMap<>();
		container(deployment).path("env").forEach(entry -> env.put(entry.get("name").asText(), entry));
		return env;
	}

	/** Every variable the container gets: its ConfigMaps' keys (envFrom) and then its own entries. */
	static Map<String, String> environment(Manifests manifests, JsonNode deployment) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (JsonNode source : container(deployment).path("envFrom")) {
			String configMap = source.at("/configMapRef/name").asText();
			String generatedName = configMap.replaceFirst("-[a-z0-9]{10}$", "");
			manifests.configMap(manifests.find("ConfigMap", configMap).isPresent() ? configMap : generatedName)
				.path("data")
				.properties()
				.forEach(entry -> variables.put(entry.getKey(), entry.getValue().asText()));
		}
		env(deployment).forEach((name, entry) -> variables.put(name, entry.path("value").asText(null)));
		return variables;
	}

	static List<String> names(List<? extends JsonNode> objects) {
		return objects.stream().map(Manifests::name).toList();
	}
}
