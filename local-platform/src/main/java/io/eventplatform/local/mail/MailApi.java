package io.eventplatform.local.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of the mail server, how people and tests see what the services sent.
 * <ul>
 * <li>{@code GET /messages} lists every message, oldest first; {@code ?to=address} keeps those sent to it</li>
 * <li>{@code DELETE /messages} forgets them all</li>
 * <li>{@code POST /refusals?address=a} makes the SMTP server refuse mail to that address for good (550), as for a
 * mailbox that does not exist; {@code DELETE /refusals?address=a} accepts it again; {@code GET /refusals} lists
 * them</li>
 * <li>{@code GET /health} answers 200 while the server runs</li>
 * </ul>
 */
final class MailApi {

	private static final JsonMapper json = JsonMapper.shared();

	private final Mailbox mailbox;

	private final RefusingGreenMail smtp;

	private final HttpServer server;

	private MailApi(Mailbox mailbox, RefusingGreenMail smtp, HttpServer server) {
		this.mailbox = mailbox;
		this.smtp = smtp;
		this.server = server;
	}

	static MailApi start(Mailbox mailbox, RefusingGreenMail smtp, String host, int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
		MailApi api = new MailApi(mailbox, smtp, server);
		server.createContext("/messages", api::messages);
		server.createContext("/refusals", api::refusals);
		server.createContext("/health", api::health);
		server.start();
		return api;
	}

	void stop() {
		server.stop(0);
	}

	private void messages(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!exchange.getRequestURI().getPath().equals("/messages")) {
				send(exchange, 404, null);
			}
			else if (exchange.getRequestMethod().equals("GET")) {
				Optional<String> to = queryParameter(exchange, "to");
				send(exchange, 200, json.writeValueAsBytes(to.map(mailbox::addressedTo).orElseGet(mailbox::all)));
			}
			else if (exchange.getRequestMethod().equals("DELETE")) {
				mailbox.purge();
				send(exchange, 204, null);
			}
			else {
				exchange.getResponseHeaders().set("Allow", "GET, DELETE");
				send(exchange, 405, null);
			}
		}
	}

	private void refusals(HttpExchange exchange) throws IOException {
		try (exchange) {
			Optional<String> address = queryParameter(exchange, "address");
			switch (exchange.getRequestMethod()) {
				case "GET" -> send(exchange, 200, json.writeValueAsBytes(smtp.refused()));
				case "POST", "DELETE" -> {
					if (address.isEmpty()) {
						send(exchange, 400, "{\"detail\":\"Query parameter 'address' is required\"}"
							.getBytes(StandardCharsets.UTF_8));
						return;
					}
					if (exchange.getRequestMethod().equals("POST")) {
						smtp.refuse(address.get());
					}
					else {
						smtp.accept(address.get());
					}
					send(exchange, 204, null);
				}
				default -> {
					exchange.getResponseHeaders().set("Allow", "GET, POST, DELETE");
					send(exchange, 405, null);
				}
			}
		}
	}

	private void health(HttpExchange exchange) throws IOException {
		try (exchange) {
			send(exchange, 200, "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
		}
	}

	private static Optional<String> queryParameter(HttpExchange exchange, String name) {
		String query = exchange.getRequestURI().getRawQuery();
		if (query == null) {
			return Optional.empty();
		}
		return Stream.of(query.split("&"))
			.map(pair -> pair.split("=", 2))
			.filter(pair -> pair.length == 2 && pair[0].equals(name))
			.map(pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8))
			.findFirst();
	}

	private static void send(HttpExchange exchange, int status, byte @Nullable [] body) throws IOException {
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
