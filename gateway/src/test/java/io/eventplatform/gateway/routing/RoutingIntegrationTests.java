package io.eventplatform.gateway.routing;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import io.eventplatform.gateway.FakeDownstream.ReceivedRequest;
import io.eventplatform.gateway.RunningGateway;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingIntegrationTests extends RunningGateway {

	@Test
	void forwardsAnApiCallUnchangedWithTheCallersTokenAndTheClientFacingAddress() {
		// Given
		String token = demoToken("users:write");
		String pathAndQuery = "/api/users?trace=" + UUID.randomUUID();
		String user = "{\"email\":\"ada@example.com\",\"displayName\":\"Ada\",\"country\":\"GB\"}";

		// When: a client also tries to pass its own forwarded host
		var response = gateway.post()
			.uri(pathAndQuery)
			.headers(headers -> headers.setBearerAuth(token))
			.header("X-Forwarded-Host", "evil.example")
			.contentType(MediaType.APPLICATION_JSON)
			.body(user)
			.exchange();

		// Then: the service's answer comes back, and its Location (built from forwarded headers) names the gateway
		response.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "http://localhost:" + port + "/api/users/42")
			.expectBody()
			.jsonPath("$.servedBy")
			.isEqualTo("fake-downstream");
		ReceivedRequest received = downstream.lastRequestTo(pathAndQuery).orElseThrow();
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.body()).isEqualTo(user);
		assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
		assertThat(received.header("X-Forwarded-Host")).isEqualTo("localhost:" + port);
		assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
		assertThat(received.header("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
		assertThat(received.header("Upgrade")).as("plain HTTP/1.1 to the services, no h2c upgrade").isNull();
	}

	@Test
	void routesTheHistoryQueriesAndTheWarehousesAdministrationToWarehouseServiceAndTheRestToAnalytics() {
		// Given
		String reader = demoToken("analytics:read");
		String admin = adminToken("platform:admin");
		String trace = UUID.randomUUID().toString();
		String history = "/api/analytics/history/accounts/ACC-1/transactions?trace=" + trace;
		String aggregates = "/api/analytics/accounts/ACC-1?trace=" + trace;
		String replay = "/api/warehouse/admin/replay?trace=" + trace;

		// When
		gateway.get().uri(history).headers(headers -> headers.setBearerAuth(reader)).exchange().expectStatus().isOk();
		gateway.get().uri(aggregates).headers(headers -> headers.setBearerAuth(reader)).exchange().expectStatus().isOk();
		gateway.post()
			.uri(replay)
			.headers(headers -> headers.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"from\":\"2026-11-21T00:00:00Z\"}")
			.exchange()
			.expectStatus()
			.isCreated();
		gateway.get().uri("/api-docs/warehouse").exchange().expectStatus().isOk();

		// Then: the path each service gets is the one the client sent
		assertThat(warehouse.requestsTo(history)).isOne();
		assertThat(downstream.requestsTo(history)).isZero();
		assertThat(downstream.requestsTo(aggregates)).isOne();
		assertThat(warehouse.requestsTo(aggregates)).isZero();
		assertThat(warehouse.requestsTo(replay)).isOne();
		assertThat(warehouse.lastRequestTo("/v3/api-docs")).isPresent();
	}

	@Test
	void passesAServicesRetryAfterToTheCallerAtOnceInsteadOfRetryingOnItsBehalf() {
		// Given: a service that answers 503 with Retry-After: 30, to a GET (which an HTTP client may retry on its own)
		String token = demoToken("users:read");
		String pathAndQuery = "/api/users/busy?trace=" + UUID.randomUUID();
		long start = System.nanoTime();

		// When
		var response = gateway.get().uri(pathAndQuery).headers(headers -> headers.setBearerAuth(token)).exchange();

		// Then: the caller decides when to retry; the gateway neither waited nor asked twice
		response.expectStatus().isEqualTo(503).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "30");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		assertThat(downstream.requestsTo(pathAndQuery)).isEqualTo(1);
	}

	@Test
	void answersServiceUnavailableAsProblemWhenTheServiceIsDown() {
		// Given: weather-ingest points at a port nobody listens on
		String token = demoToken("weather:write");

		// When
		var response = gateway.post()
			.uri("/api/weather/readings")
			.headers(headers -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"stationId\":\"st-1\"}")
			.exchange();

		// Then
		String body = response.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"status\":503")
			.doesNotContain("127.0.0.1")
			.doesNotContain(String.valueOf(serviceThatIsDown.getPort()))
			.doesNotContain("Exception");
	}

	@Test
	void answersGatewayTimeoutAsProblemWhenTheServiceIsTooSlow() {
		// Given: the service holds its answer for longer than the gateway's read timeout (1 s in these tests)
		String token = demoToken("transactions:read");
		CountDownLatch slowService = downstream.holdSlowResponses();

		try {
			// When
			var response = gateway.get()
				.uri("/api/transactions/slow")
				.headers(headers -> headers.setBearerAuth(token))
				.exchange();

			// Then
			String body = response.expectStatus()
				.isEqualTo(504)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(body).contains("\"status\":504").doesNotContain("127.0.0.1").doesNotContain("Exception");
		}
		finally {
			slowService.countDown();
		}
	}

}
