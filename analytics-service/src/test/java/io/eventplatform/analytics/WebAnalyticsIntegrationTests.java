package io.eventplatform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.gateway.GatewayRequestCompleted;
import io.eventplatform.contract.kafka.EventSerializer;

/**
 * The web analytics queries (issue 20) against the running topology, fed through a real broker: the figures of calls
 * written to {@code gateway.requests}, who may read which, and bad parameters. Same context as
 * {@link AnalyticsQueriesIntegrationTests} (one broker).
 */
@SpringBootTest(properties = { "spring.kafka.streams.state-dir=target/kafka-streams/${random.uuid}",
		"spring.kafka.streams.properties.commit.interval.ms=100",
		"spring.kafka.streams.properties.statestore.cache.max.bytes=0" })
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
		"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class WebAnalyticsIntegrationTests {

	static final String CLIENT = "web-client-" + UUID.randomUUID().toString().substring(0, 8);

	static final String PATTERN = "/api/web-test-" + UUID.randomUUID().toString().substring(0, 8) + "/{id}";

	static final String ROUTE = "GET " + PATTERN;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	StreamsBuilderFactoryBean streams;

	@BeforeEach
	void topologyIsRunning() {
		await().atMost(Duration.ofMinutes(3))
			.until(() -> streams.getKafkaStreams() != null
					&& streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
	}

	@Test
	void shouldAnswerTheCountsAndPercentilesOfTheCallsToEveryQuery() {
		// 20 calls in one second, latencies 1..20 ms: p50 = 10, p95 = 19, p99 = 20; 2 answered 500 and 1 answered 404.
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (int latency = 1; latency <= 20; latency++) {
			int status = latency <= 2 ? 500 : latency == 3 ? 404 : 200;
			publish(new GatewayRequestCompleted(CLIENT, "GET", PATTERN, status, latency), now);
		}
		String traffic = """
				"calls":20,"clientErrors":1,"serverErrors":2,"errorShare":0.15,"p50":10,"p95":19,"p99":20""";

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mvc.get()
			.uri("/api/analytics/web/routes/series")
			.param("route", ROUTE)
			.param("from", now.truncatedTo(ChronoUnit.MINUTES).toString())
			.param("to", now.plusSeconds(60).toString())
			.with(admin())).hasStatus(200).bodyJson().isLenientlyEqualTo("""
					{"route":"%s","resolution":"minute","points":[{"start":"%s",%s}]}"""
				.formatted(ROUTE, now.truncatedTo(ChronoUnit.MINUTES), traffic)));

		assertThat(mvc.get().uri("/api/analytics/web/routes?minutes=5&size=100").with(admin()))
			.hasStatus(200)
			.bodyJson()
			.extractingPath("$.routes[?(@.route == '%s')].p99".formatted(ROUTE))
			.isEqualTo(List.of(20));
		assertThat(mvc.get().uri("/api/analytics/web/routes?minutes=5&sort=p99").with(admin())).hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"sort":"p99","page":0,"size":20}""");
		assertThat(mvc.get().uri("/api/analytics/web/routes/series?resolution=hour&route={route}", ROUTE)
			.with(admin())).hasStatus(200).bodyJson().extractingPath("$.points[0].calls").isEqualTo(20);
		assertThat(mvc.get().uri("/api/analytics/web/errors").with(admin())).hasStatus(200)
			.bodyJson()
			.extractingPath("$.points[*].calls")
			.asArray()
			.isNotEmpty();
		assertThat(mvc.get().uri("/api/analytics/web/clients/" + CLIENT).with(client(CLIENT))).hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"clientId":"%s","resolution":"minute","points":[{%s}],"routes":[{"route":"%s",%s}]}"""
				.formatted(CLIENT, traffic, ROUTE, traffic));
		assertThat(mvc.get().uri("/api/analytics/web/clients/" + CLIENT + "?resolution=hour").with(admin()))
			.hasStatus(200)
			.bodyJson()
			.extractingPath("$.routes[0].calls")
			.isEqualTo(20);
	}

	@Test
	void shouldRefuseAnotherClientsTraffic() {
		MvcTestResult answer = mvc.get().uri("/api/analytics/web/clients/" + CLIENT).with(client("someone-else"))
			.exchange();

		assertThat(answer).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer).bodyJson().extractingPath("$.rule").isEqualTo("OwnClientId");
	}

	@Test
	void shouldRefuseThePlatformWideQueriesWithoutPlatformAdmin() {
		for (String path : List.of("/api/analytics/web/routes", "/api/analytics/web/errors",
				"/api/analytics/web/routes/series?route=x")) {
			assertThat(mvc.get().uri(path).with(client(CLIENT))).as(path).hasStatus(403);
			assertThat(mvc.get().uri(path)).as(path).hasStatus(401);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"/api/analytics/web/routes?minutes=0 | minutes | Min",
			"/api/analytics/web/routes?minutes=1441 | minutes | Max",
			"/api/analytics/web/routes?size=101 | size | Max",
			"/api/analytics/web/routes?page=-1 | page | Min",
			"/api/analytics/web/routes?sort=latency | sort | Pattern",
			"/api/analytics/web/errors?resolution=day | resolution | Pattern",
			"/api/analytics/web/errors?from=yesterday | from | format",
			"/api/analytics/web/errors?from=1999-12-31T23:59:59Z | from | NotBefore",
			"/api/analytics/web/errors?from=2026-01-01T10:00:00Z&to=2026-01-01T10:00:00Z | to | FromBeforeTo",
			"/api/analytics/web/errors?from=2026-01-01T10:00:00Z&to=2026-01-02T10:00:01Z | to | MaxRange",
			"/api/analytics/web/errors?resolution=hour&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z | to | MaxRange",
			"/api/analytics/web/errors?to=+1000000000-01-01T00:00:00Z | to | PastOrPresent",
			"/api/analytics/web/routes/series?route= | route | NotBlank" })
	void shouldAnswerABadParameterWithAProblemNamingItAndItsRule(String path, String parameter, String rule) {
		MvcTestResult answer = mvc.get().uri(URI.create(path.replace("+", "%2B"))).with(admin()).exchange();

		assertThat(answer).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo(parameter);
		assertThat(answer).bodyJson().extractingPath("$.errors[0].rule").isEqualTo(rule);
	}

	/** A token as the gateway issues it to {@code clientId}: its client id, scope analytics:read. */
	private static RequestPostProcessor client(String clientId) {
		return jwt().jwt(token -> token.claim("client_id", clientId).subject(clientId)
			.claim("scope", "analytics:read"));
	}

	private static RequestPostProcessor admin() {
		return jwt().jwt(token -> token.claim("client_id", "platform-admin").subject("platform-admin")
			.claim("scope", "analytics:read platform:admin"));
	}

	private void publish(GatewayRequestCompleted call, Instant time) {
		EventEnvelope<GatewayRequestCompleted> event = new EventEnvelope<>(UUID.randomUUID().toString(),
				URI.create("/gateway"), time, call);
		try (var producer = new DefaultKafkaProducerFactory<String, EventEnvelope<?>>(
				KafkaTestUtils.producerProps(broker), new StringSerializer(), new EventSerializer())
			.createProducer()) {
			producer.send(new ProducerRecord<>(event.topic().name(), event.key(), event));
		}
	}
}
