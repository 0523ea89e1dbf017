package io.eventplatform.local.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo traffic against a fake gateway that issues short-lived tokens and fails the first registration.
 */
class DemoTrafficGeneratorTests {

	HttpServer gateway;

	final AtomicInteger tokensIssued = new AtomicInteger();

	final List<String> tokenAuthorizations = new CopyOnWriteArrayList<>();

	final List<String> userAuthorizations = new CopyOnWriteArrayList<>();

	final List<JsonNode> users = new CopyOnWriteArrayList<>();

	final ByteArrayOutputStream console = new ByteArrayOutputStream();

	@BeforeEach
	void startGateway() throws IOException {
		gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		gateway.createContext("/oauth2/token", exchange -> {
			tokenAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (!body.equals("grant_type=client_credentials")) {
				respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
				return;
			}
			// One-second tokens, so the test sees a renewal.
			respond(exchange, 200, "{\"access_token\":\"token-%d\",\"token_type\":\"Bearer\",\"expires_in\":1}"
				.formatted(tokensIssued.incrementAndGet()));
		});
		gateway.createContext("/api/users", exchange -> {
			userAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
			users.add(JsonMapper.shared().readTree(exchange.getRequestBody()));
			respond(exchange, users.size() == 1 ? 500 : 201, "{\"id\":\"u-%d\"}".formatted(users.size()));
		});
		gateway.start();
	}

	@AfterEach
	void stopGateway() {
		gateway.stop(0);
	}

	@Test
	void registersPlausibleUsersWithARenewedTokenAndKeepsGoingAfterAFailure() {
		// Given
		URI gatewayUrl = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort());

		// When
		try (DemoTrafficGenerator generator = DemoTrafficGenerator.start(gatewayUrl, "demo-client", "demo-secret",
				List.of(new UserRegistrations(Duration.ofMillis(50))),
				new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC())) {

			// Then
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(console.toString(StandardCharsets.UTF_8))
					.contains("demo users: 10 sent (last 10: 201 ×9, 500 ×1)")
					.contains("demo users: 20 sent (last 10: 201 ×10)"));
			await().atMost(Duration.ofSeconds(20)).until(() -> tokensIssued.get() >= 2);
		}
		assertThat(tokenAuthorizations).allSatisfy(authorization -> assertThat(authorization)
			.isEqualTo("Basic " + Base64.getEncoder().encodeToString("demo-client:demo-secret".getBytes())));
		assertThat(userAuthorizations).allMatch(authorization -> authorization.matches("Bearer token-\\d+"))
			.contains("Bearer token-1");
		assertThat(users).allSatisfy(user -> {
			assertThat(user.get("email").asString()).matches("[a-z]+\\.[a-z]+\\.\\d{6}@example\\.(com|org|net)");
			assertThat(user.get("displayName").asString()).matches("\\S+ \\S+");
			assertThat(user.get("country").asString()).matches("[A-Z]{2}");
			assertThat(user.get("marketingConsent").isBoolean()).isTrue();
		});
	}

	@Test
	void runsForItsDurationThenSendsNoMore() throws InterruptedException {
		// Given
		URI gatewayUrl = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort());

		// When
		try (DemoTrafficGenerator generator = DemoTrafficGenerator.start(gatewayUrl, "demo-client", "demo-secret",
				List.of(new UserRegistrations(Duration.ofMillis(20))),
				new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC())) {
			long started = System.nanoTime();
			boolean ended = generator.runFor(Duration.ofSeconds(1));
			Duration ran = Duration.ofNanos(System.nanoTime() - started);

			// Then: it sent for that second, then nothing more (the generator is still open)
			assertThat(ended).isTrue();
			assertThat(ran).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(11));
			int sent = users.size();
			assertThat(sent).isPositive();
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> users.size() == sent);
		}
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

}
