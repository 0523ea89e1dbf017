package io.eventplatform.console.overview;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.eventplatform.console.ConsoleProperties;

/** Asks each part of the platform its readiness, with short timeouts, so one part away never stalls the page. */
@Component
class PartsHealth {

	private final Map<String, ConsoleProperties.Part> parts;

	private final RestClient client;

	private final JsonMapper json;

	PartsHealth(ConsoleProperties properties, JsonMapper json) {
		this.parts = new TreeMap<>(properties.parts());
		var requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofMillis(500));
		requests.setReadTimeout(Duration.ofSeconds(2));
		this.client = RestClient.builder().requestFactory(requests).build();
		this.json = json;
	}

	List<PartStatus> check() {
		return parts.entrySet().stream().map(part -> check(part.getKey(), part.getValue())).toList();
	}

	private PartStatus check(String name, ConsoleProperties.Part part) {
		try {
			return client.get().uri(part.readinessUri()).exchange((request, response) -> {
				String status = "HTTP " + response.getStatusCode().value();
				byte[] body = response.getBody().readAllBytes();
				try {
					JsonNode node = json.readTree(body);
					if (node.hasNonNull("status")) {
						status = node.get("status").asString();
					}
				}
				catch (RuntimeException notJson) {
					// A body that is no health document: the HTTP status says enough.
				}
				return new PartStatus(name, part.readinessUri().toString(), response.getStatusCode().is2xxSuccessful(), status);
			});
		}
		catch (RuntimeException ex) {
			return new PartStatus(name, part.readinessUri().toString(), false, "unreachable");
		}
	}

	record PartStatus(String name, String uri, boolean ready, String status) {
	}
}
