package io.eventplatform.local.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request to the gateway's API, without the access token (the generator adds it).
 *
 * @param method the HTTP method
 * @param path the path under the gateway, e.g. {@code /api/users}
 * @param jsonBody the body, or {@code null}
 * @param headers further headers, such as an {@code Idempotency-Key}
 */
public record DemoRequest(String method, String path, @Nullable String jsonBody, Map<String, String> headers) {

	public DemoRequest {
		headers = Map.copyOf(headers);
	}

	public static DemoRequest get(String path) {
		return new DemoRequest("GET", path, null, Map.of());
	}

	public static DemoRequest post(String path, String jsonBody) {
		return new DemoRequest("POST", path, jsonBody, Map.of());
	}

	public DemoRequest withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(headers);
		more.put(name, value);
		return new DemoRequest(method, path, jsonBody, more);
	}

}
