package io.eventplatform.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ForwardedHeaderUtils;

/**
 * A stand-in for the services behind the gateway: a real HTTP server on a free loopback port that records every
 * request and answers like a service would. A {@code POST} is answered 201 with a {@code Location} built the way
 * Spring's forwarded-header support builds it, so a test can see whether a service would link back to the gateway.
 * Requests to a path ending in {@code /slow} are held until the test releases them; a path ending in {@code /busy} is
 * answered 503 with {@code Retry-After: 30}.
 */
public final class FakeDownstream {

	private final HttpServer server;

	private final ConcurrentLinkedDeque<ReceivedRequest> received = new ConcurrentLinkedDeque<>();

	private volatile CountDownLatch slowResponses = new CountDownLatch(0);

	private FakeDownstream(HttpServer server) {
		this.server = server;
	}

	public static FakeDownstream start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
				Thread thread = new Thread(runnable, "fake-downstream");
				thread.setDaemon(true);
				return thread;
			});
			server.setExecutor(executor);
			FakeDownstream downstream = new FakeDownstream(server);
			server.createContext("/", downstream::handle);
			server.start();
			return downstream;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the fake downstream server", ex);
		}
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	/**
	 * Holds every request to a {@code /slow} path until the returned latch is counted down.
	 */
	public CountDownLatch holdSlowResponses() {
		CountDownLatch latch = new CountDownLatch(1);
		slowResponses = latch;
		return latch;
	}

	/**
	 * The most recent request whose path and query equal the given one.
	 */
	public Optional<ReceivedRequest> lastRequestTo(String pathAndQuery) {
		return received.stream().filter(request -> request.pathAndQuery().equals(pathAndQuery)).reduce((a, b) -> b);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			ReceivedRequest request = new ReceivedRequest(exchange.getRequestMethod(), exchange.getRequestURI(),
					Map.copyOf(exchange.getRequestHeaders()), new String(body.readAllBytes(), StandardCharsets.UTF_8));
			received.add(request);
			if (request.uri().getPath().endsWith("/slow")) {
				awaitRelease();
			}
			respond(exchange, request);
		}
	}

	private void awaitRelease() {
		try {
			// Bounded, so that a test that forgets to release cannot hang the server thread forever.
			slowResponses.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** How many requests arrived whose path and query equal the given one. */
	public long requestsTo(String pathAndQuery) {
		return received.stream().filter(request -> request.pathAndQuery().equals(pathAndQuery)).count();
	}

	private void respond(HttpExchange exchange, ReceivedRequest request) throws IOException {
		if (request.uri().getPath().endsWith("/busy")) {
			// A service that cannot take the call now, as weather-ingest answers without its broker.
			byte[] problem = "{\"status\":503,\"title\":\"Service Unavailable\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
			exchange.getResponseHeaders().set("Retry-After", "30");
			exchange.sendResponseHeaders(503, problem.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(problem);
			}
			return;
		}
		boolean created = "POST".equals(request.method());
		if (created) {
			URI location = ForwardedHeaderUtils.adaptFromForwardedHeaders(uri().resolve(request.uri()), request.headers())
				.replaceQuery(null)
				.path("/42")
				.build()
				.toUri();
			exchange.getResponseHeaders().set("Location", location.toString());
		}
		byte[] responseBody = ("{\"id\":\"42\",\"servedBy\":\"fake-downstream\"}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(created ? 201 : 200, responseBody.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(responseBody);
		}
	}

	public record ReceivedRequest(String method, URI uri, Map<String, List<String>> rawHeaders, String body) {

		public String pathAndQuery() {
			return (uri.getRawQuery() != null) ? uri.getRawPath() + "?" + uri.getRawQuery() : uri.getRawPath();
		}

		public HttpHeaders headers() {
			HttpHeaders headers = new HttpHeaders();
			rawHeaders.forEach(headers::addAll);
			return headers;
		}

		public String header(String name) {
			return headers().getFirst(name);
		}

	}

}
