package io.eventplatform.support.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.transaction.support.TransactionTemplate;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.support.kafka.EventPublisher;
import io.eventplatform.support.outbox.Outbox;
import io.eventplatform.support.observability.ObservabilityTestApplication.Received;
import io.eventplatform.support.observability.ObservabilityTestApplication.TracedConsumer;

/**
 * A service as Kubernetes runs it: actuator on a management port of its own, tracing on, a producer (direct and through
 * the outbox) and a consumer on a real broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=observability-test", "management.server.port=0",
				"platform.outbox.enabled=true", "platform.kafka.produces=users.registered", "platform.kafka.consumes=users.registered",
				"spring.datasource.url=jdbc:h2:mem:observability;DB_CLOSE_DELAY=-1" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ObservabilityIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	EventPublisher publisher;

	@Autowired
	Tracer tracer;

	@Autowired
	TracedConsumer consumer;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@LocalServerPort
	int serverPort;

	@LocalManagementPort
	int managementPort;

	@Test
	void shouldContinueTheProducersTraceInTheConsumerThroughTheTraceparentHeader() throws Exception {
		EventEnvelope<UserRegistered> event = publisher
			.newEvent(new UserRegistered(UUID.randomUUID(), "ada@example.com", "Ada", "GB", false));
		Span request = tracer.nextSpan().name("POST /api/users").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
			publisher.publish(event).get(30, TimeUnit.SECONDS);
		}
		finally {
			request.end();
		}
		String traceId = request.context().traceId();

		Received received = await().atMost(Duration.ofSeconds(30))
			.until(() -> consumer.received.stream().filter(r -> r.eventId().equals(event.id())).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
		// W3C: version-traceid-parentid-flags; the parent is the producer's send span, a child of the request.
		assertThat(received.traceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
		assertThat(received.traceId()).isEqualTo(traceId);
	}

	@Test
	void shouldContinueTheRequestsTraceWhenTheOutboxPublishesTheEventLater() {
		EventEnvelope<UserRegistered> event = publisher
			.newEvent(new UserRegistered(UUID.randomUUID(), "grace@example.com", "Grace", "US", true));
		Span request = tracer.nextSpan().name("POST /api/users").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
			transactions.executeWithoutResult(status -> outbox.add(event));
		}
		finally {
			request.end();
		}

		// The relay publishes on its own thread, after the request's span has ended.
		Received received = await().atMost(Duration.ofSeconds(30))
			.until(() -> consumer.received.stream().filter(r -> r.eventId().equals(event.id())).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(received.traceId()).isEqualTo(request.context().traceId());
		assertThat(received.traceparent()).startsWith("00-" + request.context().traceId() + "-");
	}

	@Test
	void shouldLetPrometheusScrapeOnTheManagementPortWithoutAToken() throws Exception {
		HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("jvm_memory_used_bytes", "kafka_consumer_fetch_manager_records_lag_max");
	}

	@Test
	void shouldExposeEveryReceivedEventsEndToEndLatencyAsAHistogramPerTopicAndApplication() throws Exception {
		// Given an event a listener received
		EventEnvelope<UserRegistered> event = publisher
			.newEvent(new UserRegistered(UUID.randomUUID(), "edsger@example.com", "Edsger", "NL", false));
		publisher.publish(event).get(30, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> consumer.received.stream().anyMatch(r -> r.eventId().equals(event.id())));

		// When
		String scrape = get(managementPort, "/actuator/prometheus").body();

		// Then: buckets, so that histogram_quantile() works in Prometheus
		assertThat(scrape).containsPattern("platform_events_end_to_end_seconds_bucket\\{[^}]*application=\"observability-test\"[^}]*topic=\"users.registered\"[^}]*le=\"[0-9.]+\"}");
		assertThat(scrape).containsPattern("platform_events_end_to_end_seconds_count\\{[^}]*topic=\"users.registered\"[^}]*} [1-9]");
	}

	@Test
	void shouldTimeEverySendWithoutALongTaskTimerThatNothingReads() throws Exception {
		// Given a send, observed like every send
		publisher.publish(publisher.newEvent(new UserRegistered(UUID.randomUUID(), "barbara@example.com", "Barbara",
				"US", false))).get(30, TimeUnit.SECONDS);

		// When
		String scrape = get(managementPort, "/actuator/prometheus").body();

		// Then: the timer, but no in-flight gauge started and stopped around each record and each request
		assertThat(scrape).containsPattern("spring_kafka_template_seconds_count\\{[^}]*} [1-9]");
		assertThat(scrape).doesNotContain("spring_kafka_template_active").doesNotContain("http_server_requests_active");
	}

	@Test
	void shouldStillRequireATokenForEveryOtherActuatorEndpointAndOnTheApplicationPort() throws Exception {
		assertThat(get(managementPort, "/actuator/metrics").statusCode()).isIn(401, 404);
		assertThat(get(serverPort, "/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isIn(200, 503);
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
