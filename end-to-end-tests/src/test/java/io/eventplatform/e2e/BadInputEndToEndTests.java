package io.eventplatform.e2e;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.local.LocalPlatform;
import io.eventplatform.support.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The answers of issue 14 (sections 2 and 4), reproduced as they were found, through the gateway with a real token:
 * each is a 4xx {@code application/problem+json} now, and nothing listens beyond the loopback interface.
 */
@ExtendWith(Platform.class)
@Order(45)
class BadInputEndToEndTests {

	static LocalPlatform platform;

	static String token;

	@BeforeAll
	static void signIn() {
		platform = Platform.get();
		token = Platform.token("demo-client", "demo-secret");
	}

	@Test
	void shouldAnswerOutOfBoundsQueryParametersWith400NamingTheParameterAndTheRule() {
		assertBadRequest(get("/api/analytics/registrations/GB?hours=0"), "hours", "Min");
		assertBadRequest(get("/api/analytics/overview/transactions?minutes=0"), "minutes", "Min");
		assertBadRequest(get("/api/notifications?page=2147483647"), "page", "Max");
		assertBadRequest(get("/api/notifications/subscriptions?page=2147483647"), "page", "Max");
	}

	@Test
	void shouldAnswerAHugeHeaderAndAnEncodedSlashWithProblemDetails() throws IOException {
		String hugeKey = RawHttp.exchange(platform.settings().gatewayPort(), "POST /api/transactions HTTP/1.1\r\nHost: localhost\r\n"
				+ "Authorization: Bearer " + token + "\r\nIdempotency-Key: " + "k".repeat(10_000)
				+ "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
		String encodedSlash = RawHttp.exchange(platform.settings().gatewayPort(),
				"GET /api/users/a%2fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		for (String answer : List.of(hugeKey, encodedSlash)) {
			assertThat(answer).startsWith("HTTP/1.1 400")
				.containsIgnoringCase("Content-Type: application/problem+json")
				.doesNotContain("<html");
		}
	}

	@Test
	void shouldRefuseControlCharactersInADisplayNameAndAMerchant() {
		HttpResponse<String> user = post("/api/users", """
				{"email":"%s@example.com","displayName":"Ada\\u0000\\u001b[2J\\r\\nBcc: x@example.com","country":"GB"}"""
			.formatted(UUID.randomUUID()), null);
		HttpResponse<String> transaction = post("/api/transactions", """
				{"accountId":"ACC-E2E-CTRL","amount":"1.00","currency":"EUR","direction":"DEBIT",
				 "merchant":"Shop\\u001b]0;pwned\\u0007","merchantCountry":"DE","occurredAt":"2026-11-21T10:15:30Z"}""",
				UUID.randomUUID().toString());

		assertBadRequest(user, "displayName", "Pattern");
		assertBadRequest(transaction, "merchant", "Pattern");
	}

	@Test
	void shouldRefuseA2MegabyteBatchOf690000EmptyReadingsWithoutReadingThemAll() {
		String body = "[" + "{},".repeat(689_999) + "{}]";

		long start = System.nanoTime();
		HttpResponse<String> answer = post("/api/weather/readings/batch", body, null);
		long millis = (System.nanoTime() - start) / 1_000_000;

		System.out.printf("A batch of 690,000 {} through the gateway: %d in %d ms%n", answer.statusCode(), millis);
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	/**
	 * Reads the kernel's table of listening sockets rather than connecting to another address of this machine: no
	 * traffic leaves loopback, and a socket bound to every interface is seen whatever the machine's addresses are.
	 */
	@Test
	void shouldListenOnTheLoopbackInterfaceOnly() throws IOException {
		Path tcp = Path.of("/proc/net/tcp");
		assumeThat(Files.isReadable(tcp)).as("Linux's table of sockets").isTrue();
		List<Integer> ports = List.of(platform.settings().gatewayPort(), platform.settings().registrationPort(),
				platform.settings().weatherIngestPort(), platform.settings().transactionPort(),
				platform.settings().notificationPort(), platform.settings().analyticsPort(),
				platform.settings().warehousePort(),
				platform.settings().kafkaPort(), platform.settings().smtpPort());
		List<String> sockets = new ArrayList<>(Files.readAllLines(tcp));
		Path tcp6 = Path.of("/proc/net/tcp6");
		if (Files.isReadable(tcp6)) {
			sockets.addAll(Files.readAllLines(tcp6));
		}

		for (int port : ports) {
			String portHex = ":%04X".formatted(port);
			// Columns: sl, local address:port (hex), remote address:port, state (0A = listening), ...
			List<String> listening = sockets.stream()
				.map(String::trim)
				.map(line -> line.split("\\s+"))
				.filter(columns -> columns.length > 3 && columns[3].equals("0A") && columns[1].endsWith(portHex))
				.map(columns -> columns[1].substring(0, columns[1].indexOf(':')))
				.toList();
			assertThat(listening).as("listening sockets on port " + port).isNotEmpty().allSatisfy(address -> assertThat(
					address).as("port " + port + " bound to a loopback address")
				.isIn("0100007F", "00000000000000000000000001000000", "0000000000000000FFFF00000100007F"));
		}
	}

	private static void assertBadRequest(HttpResponse<String> answer, String field, String rule) {
		assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.body()).contains("\"field\":\"" + field + "\"").contains("\"rule\":\"" + rule + "\"");
	}

	private static HttpResponse<String> get(String path) {
		return Platform.get(path, token);
	}

	private static HttpResponse<String> post(String path, String body, String idempotencyKey) {
		return Platform.post(path, body, idempotencyKey, token);
	}


}
