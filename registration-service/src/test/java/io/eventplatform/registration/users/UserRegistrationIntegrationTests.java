package io.eventplatform.registration.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.EventDeserializer;
import io.eventplatform.contract.users.UserRegistered;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:registration;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class UserRegistrationIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	Users users;

	@Autowired
	JsonMapper json;

	Consumer<String, EventEnvelope<?>> consumer;

	@BeforeEach
	void subscribe() {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + System.nanoTime(), false);
		consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new EventDeserializer())
			.createConsumer();
		consumer.subscribe(java.util.List.of(Topics.USERS_REGISTERED.name()));
	}

	@AfterEach
	void close() {
		consumer.close();
		users.deleteAll();
	}

	@Test
	void shouldStoreTheUserAndPublishUserRegisteredKeyedByUserIdWithCloudEventsHeaders() {
		MvcTestResult result = register("""
				{"email":"  Ada@Example.COM ","displayName":"Ada Lovelace","country":"gb","marketingConsent":true}""",
				"users:write");

		assertThat(result).hasStatus(201);
		String id = json.readTree(result.getResponse().getContentAsByteArray()).get("id").asString();
		assertThat(result.getResponse().getHeader("Location")).endsWith("/api/users/" + id);
		assertThat(users.findById(java.util.UUID.fromString(id))).get()
			.extracting(User::getEmail, User::getCountry)
			.containsExactly("ada@example.com", "GB");

		ConsumerRecord<String, EventEnvelope<?>> record = recordWithKey(id);
		assertThat(record.key()).isEqualTo(id);
		assertThat(record.value().source()).hasToString("/registration-service");
		assertThat(record.value().data()).isEqualTo(new UserRegistered(java.util.UUID.fromString(id),
				"ada@example.com", "Ada Lovelace", "GB", true));
		assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
			.isEqualTo("io.eventplatform.users.UserRegistered.v1");
	}

	@Test
	void shouldRejectInvalidInputNamingEachFieldAndRule() {
		MvcTestResult result = register("""
				{"email":"not-an-email","displayName":"","country":"GBR"}""", "users:write");

		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactly("country", "displayName", "email");
		assertThat(result).bodyJson().extractingPath("$.errors[*].rule").asArray()
			.containsExactly("Pattern", "NotBlank", "Email");
		assertThat(users.count()).isZero();
	}

	@Test
	void shouldRejectADisplayNameWithControlCharacters() {
		for (String name : List.of("Ada\\u0000Lovelace", "Ada\\u001b[31mLovelace", "Ada\\r\\nBcc: x@example.com",
				"Ada\\u202eecalevoL", "Ada\\u0085Lovelace")) {
			MvcTestResult result = register("""
					{"email":"ada@example.com","displayName":"%s","country":"GB"}""".formatted(name), "users:write");

			assertThat(result).as(name).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("displayName");
			assertThat(result).bodyJson().extractingPath("$.errors[0].rule").isEqualTo("Pattern");
		}
		assertThat(users.count()).isZero();
	}

	@Test
	void shouldAnswerABodyThatIsNotJsonWithAProblem() {
		assertThat(register("{\"email\":", "users:write")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void shouldRefuseAnEmailAlreadyRegisteredWhateverItsCase() {
		register("""
				{"email":"grace@example.com","displayName":"Grace Hopper","country":"US"}""", "users:write");

		MvcTestResult again = register("""
				{"email":"GRACE@example.com","displayName":"Grace H.","country":"US"}""", "users:write");

		assertThat(again).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(again).bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
		assertThat(users.count()).isOne();
	}

	@Test
	void shouldIgnorePropertiesAClientMustNotSet() {
		MvcTestResult result = register("""
				{"id":"00000000-0000-0000-0000-000000000001","role":"admin","status":"VERIFIED",
				 "registeredAt":"2000-01-01T00:00:00Z","isAdmin":true,
				 "email":"eve@example.com","displayName":"Eve","country":"FR"}""", "users:write");

		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson().extractingPath("$.id").isNotEqualTo("00000000-0000-0000-0000-000000000001");
		assertThat(result).bodyJson().doesNotHavePath("$.role");
		assertThat(result).bodyJson().doesNotHavePath("$.status");
		assertThat(result).bodyJson().extractingPath("$.registeredAt").isNotEqualTo("2000-01-01T00:00:00Z");
		assertThat(users.findById(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"))).isEmpty();
	}

	@Test
	void shouldReadAUserByIdWithTheReadScope() {
		MvcTestResult created = register("""
				{"email":"linus@example.com","displayName":"Linus","country":"FI"}""", "users:write");
		String location = created.getResponse().getHeader("Location");

		assertThat(mvc.get().uri(location).with(token("users:read"))).hasStatus(200)
			.bodyJson()
			.extractingPath("$.email")
			.isEqualTo("linus@example.com");
		assertThat(mvc.get().uri("/api/users/" + java.util.UUID.randomUUID()).with(token("users:read")))
			.hasStatus(404);
	}

	@Test
	void shouldRequireATokenWithTheRightScope() {
		String body = """
				{"email":"mallory@example.com","displayName":"Mallory","country":"DE"}""";

		assertThat(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(body))
			.hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(register(body, "users:read")).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(users.count()).isZero();
	}

	@Test
	void shouldKeepLivenessAndReadinessPublic() {
		assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatus(200);
		assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatus(200);
		assertThat(mvc.get().uri("/actuator/env")).hasStatus(401);
	}

	@Test
	void shouldKeepSensitiveActuatorEndpointsFromEveryoneButAdministrators() {
		for (String endpoint : java.util.List.of("/actuator/env", "/actuator/heapdump", "/actuator/beans")) {
			assertThat(mvc.get().uri(endpoint)).as(endpoint).hasStatus(401);
			assertThat(mvc.get().uri(endpoint).with(token("users:write"))).as(endpoint).hasStatus(403);
			// Not exposed at all: even an administrator finds nothing there.
			assertThat(mvc.get().uri(endpoint).with(token("platform:admin"))).as(endpoint).hasStatus(404);
		}
	}

	/** Other tests publish to the same topic: wait for the record of this one. */
	private ConsumerRecord<String, EventEnvelope<?>> recordWithKey(String key) {
		java.util.List<ConsumerRecord<String, EventEnvelope<?>>> seen = new java.util.ArrayList<>();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
			consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
			return seen.stream().anyMatch(r -> key.equals(r.key()));
		});
		return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
	}

	@Test
	void shouldDescribeItsApiWithOpenApiWithoutAToken() {
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.paths['/api/users'].post.responses['409']")
			.isNotNull();
	}

	private MvcTestResult register(String body, String scope) {
		return mvc.post()
			.uri("/api/users")
			.with(token(scope))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static RequestPostProcessor token(String scope) {
		return jwt().authorities(new SimpleGrantedAuthority("SCOPE_" + scope));
	}
}
