package io.eventplatform.transactions.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:transactions;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class TransactionRecordingIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	Transactions transactions;

	@Autowired
	JsonMapper json;

	Consumer<String, byte[]> topic;

	/** Records read so far, in topic order per partition. */
	final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	@BeforeEach
	void readTopic() {
		topic = new DefaultKafkaConsumerFactory<>(KafkaTestUtils.consumerProps(broker, "t-" + UUID.randomUUID(), false),
				new StringDeserializer(), new ByteArrayDeserializer())
			.createConsumer();
		topic.subscribe(List.of("transactions.recorded"));
	}

	@AfterEach
	void closeTopic() {
		topic.close();
	}

	@Test
	void shouldRecordATransactionAndPublishItKeyedByAccountWithTheAmountAsADecimalString() {
		String account = account();

		MvcTestResult result = record(UUID.randomUUID().toString(), body(account, "12.50", "EUR"), "transactions:write");

		assertThat(result).hasStatus(201).hasHeader("Idempotent-Replayed", "false");
		JsonNode created = json.readTree(result.getResponse().getContentAsByteArray());
		String id = created.get("id").asString();
		assertThat(result.getResponse().getHeader("Location")).endsWith("/api/transactions/" + id);
		assertThat(created.get("amount").isString()).isTrue();
		assertThat(created.get("amount").asString()).isEqualTo("12.50");

		ConsumerRecord<String, byte[]> record = awaitRecords(account, 1).get(0);
		JsonNode event = json.readTree(record.value());
		assertThat(event.get("transactionId").asString()).isEqualTo(id);
		assertThat(event.get("amount").isString()).isTrue();
		assertThat(event.get("amount").asString()).isEqualTo("12.50");
		assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
			.isEqualTo("io.eventplatform.transactions.TransactionRecorded.v1");
	}

	@Test
	void shouldAnswerARetryWithTheOriginalResponseAndPublishNothingNew() throws Exception {
		String account = account();
		String key = UUID.randomUUID().toString();
		String body = body(account, "99.99", "EUR");

		MvcTestResult first = record(key, body, "transactions:write");
		MvcTestResult retry = record(key, body, "transactions:write");

		assertThat(retry).hasStatus(201).hasHeader("Idempotent-Replayed", "true");
		assertThat(retry.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
		assertThat(retry.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
		// A later transaction of the same account proves the topic was read past the retry.
		record(UUID.randomUUID().toString(), body(account, "1.00", "EUR"), "transactions:write");
		assertThat(awaitRecords(account, 2)).hasSize(2);
		assertThat(transactions.findByAccountIdOrderByOccurredAtAscIdAsc(account,
				org.springframework.data.domain.Pageable.unpaged()).getTotalElements()).isEqualTo(2);
	}

	@Test
	void shouldRefuseAKeyReusedForADifferentTransaction() {
		String account = account();
		String key = UUID.randomUUID().toString();
		record(key, body(account, "10.00", "EUR"), "transactions:write");

		MvcTestResult reused = record(key, body(account, "10.01", "EUR"), "transactions:write");

		assertThat(reused).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(transactions.findByAccountIdOrderByOccurredAtAscIdAsc(account,
				org.springframework.data.domain.Pageable.unpaged()).getTotalElements()).isOne();
	}

	@Test
	void shouldRecordOnceWhenTheSameKeyArrivesSeveralTimesAtOnce() throws Exception {
		for (int round = 0; round < 5; round++) {
			String account = account();
			String key = UUID.randomUUID().toString();
			String body = body(account, "3.00", "EUR");
			int callers = 4;
			java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(callers);
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
			List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				statuses.add(pool.submit(() -> {
					start.await();
					return record(key, body, "transactions:write").getResponse().getStatus();
				}));
			}
			pool.shutdown();
			List<Integer> answered = new ArrayList<>();
			for (var status : statuses) {
				answered.add(status.get());
			}

			assertThat(answered).as("never a 500; 201 or 'in progress'").allMatch(s -> s == 201 || s == 409)
				.contains(201);
			assertThat(transactions.findByAccountIdOrderByOccurredAtAscIdAsc(account,
					org.springframework.data.domain.Pageable.unpaged()).getTotalElements()).isOne();
		}
	}

	@Test
	void shouldKeepKeysApartPerClient() {
		String key = UUID.randomUUID().toString();

		assertThat(record(key, body(account(), "5.00", "EUR"), "transactions:write", "client-a")).hasStatus(201);
		assertThat(record(key, body(account(), "6.00", "EUR"), "transactions:write", "client-b")).hasStatus(201);
	}

	@Test
	void shouldRequireAnIdempotencyKey() {
		assertThat(mvc.post()
			.uri("/api/transactions")
			.with(token("transactions:write", "client"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(account(), "1.00", "EUR"))).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void shouldRefuseAmountsThatAreNotDecimalStringsInTheCurrencyScale() {
		assertRejected(body(account(), "12.5", "EUR").replace("\"12.5\"", "12.5"), "amount", "format");
		assertRejected(body(account(), "12.345", "EUR"), "amountInCurrencyScale", "AssertTrue");
		assertRejected(body(account(), "100.5", "JPY"), "amountInCurrencyScale", "AssertTrue");
		assertRejected(body(account(), "0.00", "EUR"), "amountPositive", "AssertTrue");
		assertRejected(body(account(), "-5.00", "EUR"), "amount", "Pattern");
		assertRejected(body(account(), "1e3", "EUR"), "amount", "Pattern");
		assertRejected(body(account(), "5.00", "XYZ"), "currencyKnown", "AssertTrue");
		assertRejected(body(account(), "5.00", "eur"), "currency", "Pattern");
		assertThat(record(UUID.randomUUID().toString(), body(account(), "100", "JPY"), "transactions:write"))
			.hasStatus(201)
			.bodyJson()
			.extractingPath("$.amount")
			.isEqualTo("100");
		assertThat(record(UUID.randomUUID().toString(), body(account(), "1.234", "BHD"), "transactions:write"))
			.hasStatus(201);
	}

	@Test
	void shouldRefuseAMerchantWithControlCharacters() {
		for (String merchant : List.of("Coffee\\u0000Corner", "Coffee\\u001bCorner", "Coffee\\r\\nCorner",
				"Coffee\\u202eCorner")) {
			assertRejected(body(account(), "1.00", "EUR").replace("Coffee Corner", merchant), "merchant", "Pattern");
		}
	}

	@Test
	void shouldRefuseATransactionFromTheFutureOrBefore2000AndAnUnknownDirection() {
		String tomorrow = body(account(), "1.00", "EUR").replace("2026-11-21T10:15:30Z",
				Instant.now().plus(Duration.ofDays(1)).toString());
		assertRejected(tomorrow, "occurredAt", "PastOrPresent");
		assertRejected(body(account(), "1.00", "EUR").replace("2026-11-21T10:15:30Z", "-300000000-01-01T00:00:00Z"),
				"occurredAt", "NotBefore");
		assertRejected(body(account(), "1.00", "EUR").replace("2026-11-21T10:15:30Z", "1999-12-31T23:59:59Z"),
				"occurredAt", "NotBefore");
		assertRejected(body(account(), "1.00", "EUR").replace("\"DEBIT\"", "\"SIDEWAYS\""), "direction", "format");
	}

	@Test
	void shouldPublishTheTransactionsOfEachAccountInTheOrderTheyWereRecorded() {
		List<String> accounts = List.of(account(), account(), account());
		Map<String, List<String>> recorded = new LinkedHashMap<>();
		for (int i = 0; i < 8; i++) {
			for (String account : accounts) {
				MvcTestResult result = record(UUID.randomUUID().toString(), body(account, (i + 1) + ".00", "EUR"),
						"transactions:write");
				recorded.computeIfAbsent(account, a -> new ArrayList<>())
					.add(json.readTree(result.getResponse().getContentAsByteArray()).get("id").asString());
			}
		}

		for (String account : accounts) {
			assertThat(awaitRecords(account, 8)).extracting(r -> json.readTree(r.value()).get("transactionId").asString())
				.containsExactlyElementsOf(recorded.get(account));
		}
	}

	@Test
	void shouldReadATransactionAndAnAccountsTransactionsPaged() {
		String account = account();
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			String body = body(account, i + ".00", "EUR").replace("10:15:30Z", "10:15:3" + i + "Z");
			ids.add(json.readTree(record(UUID.randomUUID().toString(), body, "transactions:write").getResponse()
				.getContentAsByteArray()).get("id").asString());
		}
		record(UUID.randomUUID().toString(), body(account(), "7.00", "EUR"), "transactions:write");

		assertThat(mvc.get().uri("/api/transactions/" + ids.get(0)).with(token("transactions:read", "c")))
			.hasStatus(200)
			.bodyJson()
			.extractingPath("$.amount")
			.isEqualTo("1.00");
		assertThat(mvc.get().uri("/api/transactions/" + UUID.randomUUID()).with(token("transactions:read", "c")))
			.hasStatus(404);
		MvcTestResult secondPage = mvc.get()
			.uri("/api/transactions?accountId={a}&page=1&size=2", account)
			.with(token("transactions:read", "c"))
			.exchange();
		assertThat(secondPage).hasStatus(200);
		assertThat(secondPage).bodyJson().extractingPath("$.content[*].id").asArray().containsExactly(ids.get(2));
		assertThat(secondPage).bodyJson().extractingPath("$.page.totalElements").isEqualTo(3);
		assertThat(mvc.get()
			.uri("/api/transactions?accountId={a}&sort=nonsense,desc&page=0&size=2", account)
			.with(token("transactions:read", "c"))).hasStatus(200)
			.bodyJson()
			.extractingPath("$.content[*].id")
			.asArray()
			.containsExactly(ids.get(0), ids.get(1));
		assertThat(mvc.get()
			.uri("/api/transactions?accountId={a}&page=200000000", account)
			.with(token("transactions:read", "c"))).hasStatus(400);
	}

	@Test
	void shouldRequireTheScopeOfEachEndpoint() {
		assertThat(record(UUID.randomUUID().toString(), body(account(), "1.00", "EUR"), "transactions:read"))
			.hasStatus(403);
		assertThat(mvc.get().uri("/api/transactions?accountId=x").with(token("transactions:write", "c")))
			.hasStatus(403);
		assertThat(mvc.get().uri("/api/transactions?accountId=x")).hasStatus(401);
	}

	@Test
	void shouldKeepAClientRestrictedToItsAccountsAwayFromEveryOtherAccount() throws Exception {
		String own = account();
		String other = account();
		String othersTransaction = json.readTree(record(UUID.randomUUID().toString(), body(other, "5.00", "EUR"),
				"transactions:write")
			.getResponse()
			.getContentAsByteArray()).get("id").asString();
		RequestPostProcessor restricted = jwt().jwt(jwt -> jwt.claim("client_id", "ledger-client")
			.claim("accounts", List.of(own)))
			.authorities(new SimpleGrantedAuthority("SCOPE_transactions:read"),
					new SimpleGrantedAuthority("SCOPE_transactions:write"));

		MvcTestResult ownRecorded = mvc.post()
			.uri("/api/transactions")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.with(restricted)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(own, "1.00", "EUR"))
			.exchange();
		MvcTestResult otherRecorded = mvc.post()
			.uri("/api/transactions")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.with(restricted)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(other, "1.00", "EUR"))
			.exchange();
		MvcTestResult otherRead = mvc.get().uri("/api/transactions/" + othersTransaction).with(restricted).exchange();
		MvcTestResult otherListed = mvc.get().uri("/api/transactions?accountId={a}", other).with(restricted).exchange();

		assertThat(ownRecorded).hasStatus(201);
		assertThat(mvc.get().uri("/api/transactions?accountId={a}", own).with(restricted)).hasStatus(200)
			.bodyJson()
			.extractingPath("$.page.totalElements")
			.isEqualTo(1);
		assertThat(otherRecorded).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(otherRead).hasStatus(404);
		assertThat(otherRead.getResponse().getContentAsString()).doesNotContain(other).doesNotContain("5.00");
		assertThat(otherListed).hasStatus(403);
		assertThat(otherListed.getResponse().getContentAsString()).doesNotContain(othersTransaction);
		assertThat(transactions.findByAccountIdOrderByOccurredAtAscIdAsc(other,
				org.springframework.data.domain.Pageable.unpaged()).getTotalElements()).isOne();
	}

	@Test
	void shouldIgnoreIdStatusAndOtherPropertiesAClientMustNotSet() {
		String account = account();
		String forcedId = UUID.randomUUID().toString();
		String body = body(account, "2.00", "EUR").replace("{", """
				{"id":"%s","status":"APPROVED","role":"admin","recordedAt":"2000-01-01T00:00:00Z",""".formatted(forcedId));

		MvcTestResult result = record(UUID.randomUUID().toString(), body, "transactions:write");

		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson().extractingPath("$.id").isNotEqualTo(forcedId);
		assertThat(result).bodyJson().doesNotHavePath("$.status");
		assertThat(result).bodyJson().extractingPath("$.recordedAt").isNotEqualTo("2000-01-01T00:00:00Z");
		assertThat(transactions.findById(UUID.fromString(forcedId))).isEmpty();
	}

	@Test
	void shouldKeepSensitiveActuatorEndpointsFromEveryoneButAdministrators() {
		for (String endpoint : List.of("/actuator/env", "/actuator/heapdump", "/actuator/beans")) {
			assertThat(mvc.get().uri(endpoint)).as(endpoint).hasStatus(401);
			assertThat(mvc.get().uri(endpoint).with(token("transactions:read", "c"))).as(endpoint).hasStatus(403);
			assertThat(mvc.get().uri(endpoint).with(token("platform:admin", "c"))).as(endpoint).hasStatus(404);
		}
	}

	private void assertRejected(String body, String field, String rule) {
		MvcTestResult result = record(UUID.randomUUID().toString(), body, "transactions:write");
		assertThat(result).as(body).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
		assertThat(result).bodyJson().extractingPath("$.errors[0].rule").isEqualTo(rule);
	}

	private List<ConsumerRecord<String, byte[]>> awaitRecords(String account, int count) {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			topic.poll(Duration.ofMillis(200)).forEach(seen::add);
			return seen.stream().filter(r -> account.equals(r.key())).count() >= count;
		});
		topic.poll(Duration.ofMillis(300)).forEach(seen::add);
		return seen.stream().filter(r -> account.equals(r.key())).toList();
	}

	private MvcTestResult record(String key, String body, String scope) {
		return record(key, body, scope, "demo-client");
	}

	private MvcTestResult record(String key, String body, String scope, String clientId) {
		return mvc.post()
			.uri("/api/transactions")
			.header("Idempotency-Key", key)
			.with(token(scope, clientId))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static RequestPostProcessor token(String scope, String clientId) {
		return jwt().jwt(jwt -> jwt.claim("client_id", clientId))
			.authorities(new SimpleGrantedAuthority("SCOPE_" + scope));
	}

	private static String account() {
		return "ACC-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String body(String account, String amount, String currency) {
		return """
				{"accountId":"%s","amount":"%s","currency":"%s","direction":"DEBIT","merchant":"Coffee Corner",
				 "merchantCountry":"DE","occurredAt":"2026-11-21T10:15:30Z"}""".formatted(account, amount, currency);
	}
}
