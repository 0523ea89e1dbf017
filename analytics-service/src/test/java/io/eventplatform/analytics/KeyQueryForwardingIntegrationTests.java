package io.eventplatform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.util.TestSocketUtils;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.eventplatform.analytics.streams.KeyQueries;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.gateway.GatewayRequestCompleted;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.transactions.Direction;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.users.UserRegistered;

/**
 * Two instances of the service share the partitions of one broker; each answers for every key, forwarding a query
 * (with the caller's token, which the owner checks again) to the instance whose stores hold the key, or, while that
 * instance is gone, answering from its own standby replica of the key's partition.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyQueryForwardingIntegrationTests {

	static final KeyPair KEYS = rsaKeys();

	static EmbeddedKafkaKraftBroker broker;

	static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	static final List<Integer> ports = new ArrayList<>();

	static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperty("transaction.state.log.replication.factor", "1");
		broker.brokerProperty("transaction.state.log.min.isr", "1");
		broker.afterPropertiesSet();
		for (int i = 0; i < 2; i++) {
			int port = TestSocketUtils.findAvailableTcpPort();
			Path dataDir = Path.of("target", "forwarding-" + i + "-" + UUID.randomUUID()).toAbsolutePath();
			ports.add(port);
			instances.add(new SpringApplicationBuilder(AnalyticsServiceApplication.class, TestTokens.class)
				// Command-line arguments: they win over the service's application.yml, as in production.
				.run("--server.port=" + port, "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
						"--platform.data-dir=" + dataDir, "--spring.kafka.streams.state-dir=" + dataDir.resolve("streams"),
						"--spring.kafka.streams.properties.commit.interval.ms=100",
						// Long enough that a stopped instance keeps its partitions for the whole standby test below
						"--spring.kafka.streams.properties.session.timeout.ms=45000",
						"--spring.kafka.streams.properties.statestore.cache.max.bytes=0"));
		}
	}

	@AfterAll
	static void stop() {
		instances.forEach(ConfigurableApplicationContext::close);
		broker.destroy();
	}

	@Test
	void shouldAnswerForEveryAccountOnEveryInstanceWhicheverOwnsIt() {
		Instant now = Instant.now();
		List<String> accounts = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			String account = "account-" + i;
			accounts.add(account);
			publish(new TransactionRecorded(UUID.randomUUID(), account, new BigDecimal(i + 1), "EUR", Direction.DEBIT,
					"Shop", "NL", now));
		}
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			assertThat(instances).allSatisfy(instance -> assertThat(
					instance.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams().state())
				.isEqualTo(KafkaStreams.State.RUNNING));
			assertThat(accounts).as("some accounts are held by the other instance")
				.anyMatch(account -> instances.get(0)
					.getBean(KeyQueries.class)
					.ownerOf("transactions-account-minute", account) instanceof KeyQueries.Remote);
		});

		String token = token("analytics:read");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			for (int port : ports) {
				for (int i = 0; i < accounts.size(); i++) {
					HttpResponse<String> response = get(port, "/api/analytics/accounts/" + accounts.get(i) + "?at="
							+ now, token);
					assertThat(response.statusCode()).isEqualTo(200);
					assertThat(response.body()).contains("\"volume\":" + (i + 1));
				}
			}
		});
	}

	@Test
	void shouldCountTheRegistrationsOfEveryCountryOnEveryInstance() {
		List<String> countries = List.of("AT", "BE", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IT", "NL");
		for (String country : countries) {
			publish(new UserRegistered(UUID.randomUUID(), country.toLowerCase() + "@example.com", "User " + country,
					country, false), Instant.now());
		}

		String token = token("analytics:read");
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			assertThat(countries).as("some countries are counted by the other instance")
				.anyMatch(country -> instances.get(0)
					.getBean(KeyQueries.class)
					.ownerOf("registrations-by-country", country) instanceof KeyQueries.Remote);
			for (int port : ports) {
				HttpResponse<String> response = get(port, "/api/analytics/registrations", token);
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).contains("\"total\":" + countries.size());
				countries.forEach(country -> assertThat(response.body()).contains("\"" + country + "\":1"));
			}
		});
	}

	@Test
	void shouldListEveryRouteOnEveryInstanceWhicheverHoldsIt() {
		Instant now = Instant.now();
		List<String> routes = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String pattern = "/api/forwarding-" + i;
			routes.add("GET " + pattern);
			for (int call = 0; call <= i; call++) {
				publish(new GatewayRequestCompleted("client-" + call, "GET", pattern, 200, 10 + i), now);
			}
		}

		String admin = token("analytics:read platform:admin");
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			assertThat(routes).as("some routes are held by the other instance")
				.anyMatch(route -> instances.get(0)
					.getBean(KeyQueries.class)
					.ownerOf("web-route-minute", route) instanceof KeyQueries.Remote);
			for (int port : ports) {
				HttpResponse<String> response = get(port, "/api/analytics/web/routes?minutes=10&size=100", admin);
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).contains("\"total\":" + routes.size());
				for (int i = 0; i < routes.size(); i++) {
					assertThat(response.body()).contains("\"route\":\"" + routes.get(i) + "\",\"callsPerMinute\":"
							+ (i + 1) / 10.0 + ",\"calls\":" + (i + 1) + ",");
				}
				HttpResponse<String> top = get(port, "/api/analytics/web/routes?minutes=10&size=2", admin);
				assertThat(top.body()).contains("\"total\":12").contains("\"route\":\"GET /api/forwarding-11\"")
					.contains("\"route\":\"GET /api/forwarding-10\"").doesNotContain("forwarding-9\"");
			}
		});
	}

	@Test
	void shouldCheckTheTokenOnTheInstanceTheQueryIsForwardedTo() {
		String withoutScope = token("users:read");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			for (int port : ports) {
				assertThat(get(port, "/api/analytics/alerts/fraud", withoutScope).statusCode()).isEqualTo(403);
				assertThat(get(port, "/api/analytics/alerts/fraud", token("analytics:read")).statusCode())
					.isEqualTo(200);
			}
		});
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void shouldAnswerFromTheStandbyReplicaWhileTheInstanceOwningTheKeyIsGone() {
		// Given accounts spread over both instances, each instance holding a standby replica of the other's tasks
		Instant now = Instant.now();
		List<String> accounts = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			accounts.add("standby-" + i);
			publish(new TransactionRecorded(UUID.randomUUID(), "standby-" + i, new BigDecimal(i + 1), "EUR",
					Direction.DEBIT, "Shop", "NL", now));
		}
		String token = token("analytics:read");
		KeyQueries survivor = instances.get(0).getBean(KeyQueries.class);
		List<String> heldByTheOther = new ArrayList<>();
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			for (int i = 0; i < accounts.size(); i++) {
				HttpResponse<String> response = get(ports.get(0), "/api/analytics/accounts/" + accounts.get(i) + "?at="
						+ now, token);
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).contains("\"volume\":" + (i + 1));
			}
			heldByTheOther.clear();
			accounts.stream()
				.filter(account -> survivor.ownerOf("transactions-account-minute",
						account) instanceof KeyQueries.Remote remote && remote.replicaPartition() != null)
				.forEach(heldByTheOther::add);
			assertThat(heldByTheOther).as("accounts the other instance owns, with a standby here").isNotEmpty();
		});
		// What a rolling restart waits for before stopping the other: this instance's standbys, caught up
		MeterRegistry meters = instances.get(0).getBean(MeterRegistry.class);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(meters.get("platform.analytics.streams.standby.tasks").gauge().value()).isPositive();
			// Within acceptable.recovery.lag (10,000 by default), which KeyQueries too takes for caught up
			assertThat(meters.get("platform.analytics.streams.replica.lag").gauge().value()).isBetween(0.0, 10_000.0);
		});

		// When the other instance ends without leaving the group, as a killed one does
		instances.get(1).close();

		// Then this one answers for the other's accounts from its standby, marked stale, well before the group moves
		// the partitions (after the 45 s session timeout)
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			for (String account : heldByTheOther) {
				HttpResponse<String> response = get(ports.get(0), "/api/analytics/accounts/" + account + "?at=" + now,
						token);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				assertThat(response.headers().firstValue(KeyQueries.STALE_HEADER)).hasValue("true");
				assertThat(response.body())
					.contains("\"volume\":" + (Integer.parseInt(account.substring("standby-".length())) + 1));
			}
		});
		assertThat(survivor.ownerOf("transactions-account-minute", heldByTheOther.get(0)))
			.as("the partition still assigned to the instance that is gone")
			.isInstanceOf(KeyQueries.Remote.class);
		assertThat(meters.get("platform.analytics.streams.standby.tasks").gauge().value())
			.as("standby tasks kept until the group moves the partitions")
			.isPositive();
	}

	private static HttpResponse<String> get(int port, String path, String token)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void publish(TransactionRecorded transaction) {
		publish(transaction, transaction.occurredAt());
	}

	private static void publish(Object data, Instant time) {
		EventEnvelope<?> event = new EventEnvelope<>(UUID.randomUUID().toString(), URI.create("/test"), time, data);
		try (var producer = new DefaultKafkaProducerFactory<String, EventEnvelope<?>>(
				KafkaTestUtils.producerProps(broker.getBrokersAsString()), new StringSerializer(),
				new EventSerializer())
			.createProducer()) {
			producer.send(new ProducerRecord<>(event.topic().name(), event.key(), event));
		}
	}

	private static String token(String scope) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
					new JWTClaimsSet.Builder().subject("test-client")
						.claim("scope", scope)
						.issueTime(new Date())
						.expirationTime(Date.from(Instant.now().plusSeconds(600)))
						.build());
			jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair rsaKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Tokens signed by the test's key, instead of the gateway's (no gateway runs here). */
	@Configuration(proxyBeanMethods = false)
	static class TestTokens {

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
		}
	}
}
