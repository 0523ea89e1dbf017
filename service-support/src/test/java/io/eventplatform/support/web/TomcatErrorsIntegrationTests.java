package io.eventplatform.support.web;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.eventplatform.support.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses before any filter runs is answered as problem details too, never as Tomcat's HTML page. Raw
 * sockets, because an HTTP client would refuse to send some of these requests.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=web-test", "spring.datasource.url=jdbc:h2:mem:web;DB_CLOSE_DELAY=-1",
				"spring.kafka.bootstrap-servers=127.0.0.1:1" })
class TomcatErrorsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void answersAHeaderLargerThanTheServerAcceptsWithProblemDetails() throws IOException {
		String answer = RawHttp.exchange(port, "GET /api/anything HTTP/1.1\r\nHost: localhost\r\nIdempotency-Key: "
				+ "k".repeat(10_000) + "\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400")
			.containsIgnoringCase("Content-Type: application/problem+json")
			.contains("\"status\":400")
			.doesNotContain("<html");
	}

	@Test
	void answersAnEncodedSlashInThePathWithProblemDetails() throws IOException {
		String answer = RawHttp.exchange(port, "GET /api/users/a%2fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400")
			.containsIgnoringCase("Content-Type: application/problem+json")
			.contains("\"status\":400")
			.doesNotContain("<html");
	}

	@Test
	void answersAMalformedRequestLineWithProblemDetails() throws IOException {
		String answer = RawHttp.exchange(port, "GET /api/a|b{ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("<html");
	}

	@Test
	void answersWhatSpringSecuritysFirewallRefusesWithProblemDetails() throws IOException {
		for (String path : List.of("/api/users//x", "/api/users/a;b=c", "/api/users/%25", "/api/users/%2e%2e/x")) {
			String answer = RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

			assertThat(answer).as(path)
				.startsWith("HTTP/1.1 400")
				.containsIgnoringCase("Content-Type: application/problem+json")
				.contains("\"status\":400");
		}
	}


}
