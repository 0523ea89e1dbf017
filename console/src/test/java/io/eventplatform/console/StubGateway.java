package io.eventplatform.console;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny real HTTP server standing in for the gateway in tests only: its token endpoint and the service APIs the
 * console calls (replay, fraud rules) answer what a test sets, and every request is kept for the test to inspect.
 */
final class StubGateway implements AutoCloseable {

	/** @param query the raw (still encoded) query string, empty if none */
	record Request(String method, String path, String authorization, String body, String query) {
	}

	private final HttpServer server;

	final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, String> answers = new ConcurrentHashMap<>();

	private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

	/** Started on a free loopback port, for a test class's whole run. */
	static StubGateway start() {
		try {
			return new StubGateway();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	StubGateway() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
		answer("POST /oauth2/token", "{\"access_token\":\"console-token\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"platform:admin\"}");
	}

	String uri() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	void answer(String methodAndPath, String json) {
		statuses.remove(methodAndPath);
		answers.put(methodAndPath, json);
	}

	/** Answers with an error status, such as a 503 problem from the gateway while the service is down. */
	void answer(String methodAndPath, int status, String json) {
		answers.put(methodAndPath, json);
		statuses.put(methodAndPath, status);
	}

	List<Request> requestsTo(String method, String path) {
		return requests.stream().filter(request -> request.method().equals(method) && request.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String query = exchange.getRequestURI().getRawQuery();
		requests.add(new Request(method, path, authorization == null ? "" : authorization, body,
				query == null ? "" : query));
		String answer = answers.get(method + " " + path);
		byte[] bytes = (answer == null ? "{\"title\":\"Not Found\",\"status\":404}" : answer).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer == null ? 404 : statuses.getOrDefault(method + " " + path, 200), bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
