package io.eventplatform.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation that the six services publish in their OpenAPI documents, called through the gateway with inputs
 * that break its schema: each parameter missing, of the wrong type, at and beyond its bounds, huge, in unusual Unicode
 * and with control characters; each body property likewise, and bodies that are no JSON object at all; plus values
 * that jqwik generates (its edge cases first, then seeded random samples). The token has every scope, so the input,
 * not the scope, decides the answer. Every answer must be below 500, and every 4xx must be
 * {@code application/problem+json}.
 * <p>
 * Runs last: the few generated inputs that are valid are accepted like any other (with ids of their own).
 */
@ExtendWith(Platform.class)
@Order(50)
class OpenApiBadInputEndToEndTests {

	private static final List<String> SERVICES = List.of("registration", "weather-ingest", "transaction",
			"notification", "analytics", "warehouse");

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	/** Strings no field of the platform accepts as they are, and that have broken parsers, logs and mails before. */
	private static final List<String> HOSTILE_STRINGS = List.of("", " ", "\u0000", "nul\u0000in-between",
			"\u001b[31mred", "line\r\nX-Injected: 1", "tab\tand\u007fdel", "\u202eevil-direction", "\u2028separator",
			"𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ünïcödé 漢字 🙂", "\ud800", "../../etc/passwd", "a/b", "%2f", "%", "' OR '1'='1",
			"<script>alert(1)</script>", "${jndi:ldap://example.invalid/a}", "null", "true", "-1", "1e309",
			"99999999999999999999999", "NaN");

	private final Random random = new Random(Long.getLong("fuzz.seed", 14L));

	private final List<String> failures = new ArrayList<>();

	private int requests;

	private int serverErrors;

	private String token;

	@Test
	void shouldAnswerEveryBadInputOfEveryOperationWith4xxProblemDetailsNever5xx() {
		token = Platform.token("platform-admin", "admin-secret");
		// jqwik's arbitraries outside a property of its own engine (which would start a platform of its own)
		JqwikSession.start();
		try {
			fuzzEveryOperation();
		}
		finally {
			JqwikSession.finish();
		}
	}

	private void fuzzEveryOperation() {
		long start = System.nanoTime();
		int operations = 0;
		for (String service : SERVICES) {
			JsonNode document = Platform.json.readTree(Platform
				.send(HttpRequest.newBuilder(Platform.gateway("/api-docs/" + service)).GET().build())
				.body());
			for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
				for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
					operations++;
					fuzz(document, path.getKey(), operation.getKey().toUpperCase(), operation.getValue());
				}
			}
		}
		System.out.printf("OpenAPI bad-input test (seed %d): %d operations of %d services, %d requests, %d answered "
				+ "5xx, %d refused otherwise than with 4xx problem details, in %d s%n",
				Long.getLong("fuzz.seed", 14L), operations, SERVICES.size(), requests, serverErrors, failures.size(),
				Duration.ofNanos(System.nanoTime() - start).toSeconds());
		failures.forEach(failure -> System.out.println("  " + failure));
		assertThat(operations).as("operations described").isGreaterThan(20);
		assertThat(serverErrors).as("answers 5xx").isZero();
		assertThat(failures).as("answers that are not 4xx problem details").isEmpty();
	}

	private void fuzz(JsonNode document, String path, String method, JsonNode operation) {
		List<JsonNode> parameters = new ArrayList<>();
		operation.path("parameters").forEach(parameters::add);
		JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
		boolean administrative = path.contains("/admin/");
		Call valid = new Call(method, path, bodySchema.isMissingNode() ? null : example(document, bodySchema, 0));
		parameters.forEach(parameter -> valid.set(parameter, example(document, parameter.path("schema"), 0)));

		for (JsonNode parameter : parameters) {
			for (String value : badValues(parameter.path("schema"))) {
				send(valid.with(parameter, value));
			}
			if (!"path".equals(parameter.path("in").asString())) {
				send(valid.without(parameter));
			}
		}
		if (valid.body != null) {
			fuzzBody(document, valid, bodySchema, administrative);
		}
		if (!administrative) {
			// Replays and other administration are never triggered for real, only refused.
			send(valid);
		}
	}

	private void fuzzBody(JsonNode document, Call valid, JsonNode schema, boolean administrative) {
		for (String body : List.of("", "null", "42", "\"text\"", "[]", "{}", "{", "[{}", "{\"a\":}", "\u0000",
				"[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
				"[" + "{},".repeat(5000) + "{}]")) {
			send(valid.withBody(body));
		}
		JsonNode resolved = resolve(document, schema);
		if (!(valid.body instanceof ObjectNode object)) {
			// A batch: its items broken one way at a time.
			if (valid.body instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode item) {
				JsonNode itemSchema = resolve(document, resolved.path("items"));
				fuzzObject(document, itemSchema, item, broken -> {
					ArrayNode batch = array.deepCopy();
					batch.set(0, broken);
					batch.add(nodes.nullNode());
					send(valid.withBody(Platform.json.writeValueAsString(batch)));
				}, administrative);
			}
			return;
		}
		fuzzObject(document, resolved, object,
				broken -> send(valid.withBody(Platform.json.writeValueAsString(broken))), administrative);
	}

	/** Each property of {@code valid} missing, null, of each wrong type and with each bad value of its schema. */
	private void fuzzObject(JsonNode document, JsonNode schema, ObjectNode valid, Consumer<ObjectNode> send,
			boolean administrative) {
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			String name = property.getKey();
			JsonNode propertySchema = resolve(document, property.getValue());
			List<JsonNode> values = new ArrayList<>(List.of(nodes.nullNode(), nodes.numberNode(-1),
					nodes.numberNode(1e300), nodes.booleanNode(true), nodes.arrayNode(), nodes.objectNode(),
					nodes.stringNode("x".repeat(10_000))));
			badValues(propertySchema).forEach(value -> values.add(typed(propertySchema, value)));
			for (JsonNode value : values) {
				if (administrative && !value.isNull() && value.isString() && isValid(propertySchema, value.asString())) {
					continue;
				}
				ObjectNode broken = valid.deepCopy();
				broken.set(name, value);
				send.accept(broken);
			}
			ObjectNode missing = valid.deepCopy();
			missing.remove(name);
			send.accept(missing);
		}
		ObjectNode unknown = valid.deepCopy();
		unknown.put("role", "ADMIN").put("id", "00000000-0000-0000-0000-000000000000");
		if (!administrative) {
			send.accept(unknown);
		}
	}

	/** The bad values of one schema: wrong types, bounds and beyond, huge, hostile strings, and jqwik's values. */
	private List<String> badValues(JsonNode schema) {
		List<String> values = new ArrayList<>(HOSTILE_STRINGS);
		values.add("y".repeat(2_000));
		String type = schema.path("type").asString();
		if ("integer".equals(type) || "number".equals(type)) {
			values.addAll(List.of("abc", "1.5", "0x10", "+-1", "2147483648", "-2147483649", "9223372036854775808"));
			for (String bound : List.of("minimum", "maximum")) {
				if (schema.has(bound)) {
					long limit = schema.get(bound).asLong();
					values.addAll(List.of(Long.toString(limit - 1), Long.toString(limit), Long.toString(limit + 1)));
				}
			}
			values.addAll(samples(Arbitraries.integers(), 4).stream().map(String::valueOf).toList());
		}
		if ("string".equals(type)) {
			if (schema.has("maxLength")) {
				values.add("z".repeat(schema.get("maxLength").asInt() + 1));
			}
			if ("date-time".equals(schema.path("format").asString())) {
				values.addAll(List.of("yesterday", "2026-02-30T00:00:00Z", "2026-11-21T25:00:00Z", "2026-11-21",
						"9999-12-31T23:59:59Z", "+1000000000-01-01T00:00:00Z", "2026-11-21T10:15:30+99:00"));
			}
			if ("uuid".equals(schema.path("format").asString())) {
				values.addAll(List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g"));
			}
		}
		if (schema.has("enum")) {
			values.addAll(List.of("NOPE", schema.get("enum").get(0).asString().toLowerCase() + "\u0000"));
		}
		values.addAll(samples(Arbitraries.strings().all().ofMaxLength(40), 4));
		return values;
	}

	/** jqwik's edge cases of the arbitrary, then seeded random samples of it. */
	private <T> List<T> samples(Arbitrary<T> arbitrary, int randomSamples) {
		List<T> samples = new ArrayList<>();
		Iterator<Shrinkable<T>> edgeCases = arbitrary.edgeCases().iterator();
		while (edgeCases.hasNext() && samples.size() < 8) {
			samples.add(edgeCases.next().value());
		}
		var generator = arbitrary.generator(1000);
		for (int i = 0; i < randomSamples; i++) {
			samples.add(generator.next(random).value());
		}
		return samples;
	}

	/** A value of the schema's own type where the text is one (so that bounds are tested), else the text itself. */
	private static JsonNode typed(JsonNode schema, String value) {
		String type = schema.path("type").asString();
		if (("integer".equals(type) || "number".equals(type)) && value.matches("-?\\d{1,30}")) {
			return nodes.numberNode(new java.math.BigInteger(value));
		}
		return nodes.stringNode(value);
	}

	private static boolean isValid(JsonNode schema, String value) {
		return schema.has("pattern") && value.matches(schema.get("pattern").asString());
	}

	/** A valid value of a schema, built from its example, default, enum or type. */
	private JsonNode example(JsonNode document, JsonNode schema, int depth) {
		JsonNode resolved = resolve(document, schema);
		if (resolved.has("example")) {
			return unique(resolved.get("example"));
		}
		if (resolved.has("default")) {
			return resolved.get("default");
		}
		if (resolved.has("enum")) {
			return resolved.get("enum").get(0);
		}
		String type = resolved.path("type").asString();
		if (depth > 4) {
			return nodes.nullNode();
		}
		if ("array".equals(type)) {
			return nodes.arrayNode().add(example(document, resolved.path("items"), depth + 1));
		}
		if ("object".equals(type) || resolved.has("properties")) {
			ObjectNode object = nodes.objectNode();
			for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
				object.set(property.getKey(), example(document, property.getValue(), depth + 1));
			}
			return object;
		}
		return switch (type) {
			case "integer", "number" -> nodes.numberNode(resolved.has("minimum") ? resolved.get("minimum").asLong() : 1);
			case "boolean" -> nodes.booleanNode(false);
			default -> nodes.stringNode("uuid".equals(resolved.path("format").asString())
					? "00000000-0000-4000-8000-000000000000" : "fuzz");
		};
	}

	/** Keys of examples made this test's own, so its events never land on another test's station or account. */
	private JsonNode unique(JsonNode example) {
		if (example.isString() && example.asString().matches("(station|ACC)-[0-9]+")) {
			return nodes.stringNode(example.asString().replaceFirst("-", "-FUZZ") + random.nextInt(1000));
		}
		if (example.isString() && example.asString().endsWith("@example.com")) {
			return nodes.stringNode("fuzz-" + random.nextInt(1_000_000) + "@example.com");
		}
		return example;
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		JsonNode resolved = schema;
		while (resolved.has("$ref")) {
			String name = resolved.get("$ref").asString().substring("#/components/schemas/".length());
			resolved = document.path("components").path("schemas").path(name);
		}
		return resolved;
	}

	private void send(Call call) {
		HttpRequest request;
		try {
			request = call.request(token);
		}
		catch (IllegalArgumentException | JacksonException ex) {
			// A header value the HTTP client refuses to send (CR, LF, NUL), or a lone surrogate Jackson will not
			// write: no server sees it.
			return;
		}
		requests++;
		HttpResponse<String> response = Platform.send(request);
		int status = response.statusCode();
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		if (status >= 500) {
			serverErrors++;
			failures.add(describe(call, response));
		}
		else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
			failures.add(describe(call, response));
		}
	}

	private static String describe(Call call, HttpResponse<String> response) {
		String body = call.body == null ? "" : " body " + abbreviate(call.body.toString());
		return response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("-") + " for "
				+ call.method + " " + abbreviate(response.uri().toString()) + abbreviate(call.headers.toString()) + body
				+ ": " + abbreviate(response.body());
	}

	private static String abbreviate(String text) {
		return text.length() <= 160 ? text : text.substring(0, 160) + "...(" + text.length() + " chars)";
	}

	/** One request: path, query and header parameters, and a body (a JSON node, or raw text). */
	private static final class Call {

		final String method;

		final String path;

		final Map<String, String> pathParameters = new LinkedHashMap<>();

		final Map<String, String> query = new LinkedHashMap<>();

		final Map<String, String> headers = new LinkedHashMap<>();

		Object body;

		Call(String method, String path, Object body) {
			this.method = method;
			this.path = path;
			this.body = body;
		}

		Call copy() {
			Call copy = new Call(method, path, body);
			copy.pathParameters.putAll(pathParameters);
			copy.query.putAll(query);
			copy.headers.putAll(headers);
			return copy;
		}

		void set(JsonNode parameter, JsonNode value) {
			put(parameter, value.isString() ? value.asString() : value.toString());
		}

		private void put(JsonNode parameter, String value) {
			String name = parameter.get("name").asString();
			switch (parameter.path("in").asString()) {
				case "path" -> pathParameters.put(name, value);
				case "header" -> headers.put(name, value);
				default -> query.put(name, value);
			}
		}

		Call with(JsonNode parameter, String value) {
			Call copy = copy();
			copy.put(parameter, value);
			return copy;
		}

		Call without(JsonNode parameter) {
			Call copy = copy();
			String name = parameter.get("name").asString();
			copy.query.remove(name);
			copy.headers.remove(name);
			return copy;
		}

		Call withBody(String text) {
			Call copy = copy();
			copy.body = text;
			return copy;
		}

		HttpRequest request(String token) {
			String resolved = path;
			for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
				resolved = resolved.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()));
			}
			StringBuilder uri = new StringBuilder(resolved);
			String separator = "?";
			for (Map.Entry<String, String> parameter : query.entrySet()) {
				uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
				separator = "&";
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(Platform.gateway("/").resolve(URI.create(uri.toString())))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + token);
			headers.forEach(request::header);
			if (body == null) {
				return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
			}
			String text = body instanceof JsonNode node ? Platform.json.writeValueAsString(node) : body.toString();
			return request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(text))
				.build();
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
		}

	}

}
