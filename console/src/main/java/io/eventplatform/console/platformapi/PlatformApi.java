package io.eventplatform.console.platformapi;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.JsonNode;

/** The service APIs the console calls through the gateway; errors become {@link ServiceCallFailed}. */
@Component
public class PlatformApi {

	private final RestClient client;

	PlatformApi(RestClient platformApiClient) {
		this.client = platformApiClient;
	}

	public JsonNode get(String path) {
		return call("GET " + path, () -> client.get().uri(path).retrieve().body(JsonNode.class));
	}

	/** A URI template whose variables are encoded as values, e.g. a route {@code GET /api/users/{id}} in a query. */
	public JsonNode get(String uriTemplate, Map<String, ?> variables) {
		return call("GET " + uriTemplate, () -> client.get().uri(uriTemplate, variables).retrieve().body(JsonNode.class));
	}

	public JsonNode post(String path, Map<String, ?> body) {
		return call("POST " + path,
				() -> client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
	}

	public JsonNode put(String path, Map<String, ?> body) {
		return call("PUT " + path,
				() -> client.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
	}

	private static JsonNode call(String what, java.util.function.Supplier<@Nullable JsonNode> call) {
		try {
			JsonNode answer = call.get();
			if (answer == null) {
				throw new ServiceCallFailed(what + " answered without a body", new IllegalStateException(what));
			}
			return answer;
		}
		catch (RestClientResponseException ex) {
			throw new ServiceCallFailed(what + " answered " + ex.getStatusCode().value() + ": "
					+ ex.getResponseBodyAsString(), ex);
		}
		catch (RestClientException | org.springframework.security.oauth2.core.OAuth2AuthorizationException ex) {
			throw new ServiceCallFailed(what + " failed: " + ex.getMessage(), ex);
		}
	}
}
