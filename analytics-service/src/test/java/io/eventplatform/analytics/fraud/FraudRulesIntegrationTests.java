package io.eventplatform.analytics.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.EventDeserializer;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.transactions.Direction;
import io.eventplatform.contract.transactions.FraudRulesChanged;
import io.eventplatform.contract.transactions.TransactionRecorded;

/**
 * The fraud rules changed over REST, through the compacted topic, into the running topology on a real broker. A
 * context of its own (its clock), so the changed rules stay out of the other tests.
 */
@SpringBootTest(properties = { "spring.kafka.streams.state-dir=target/kafka-streams/${random.uuid}",
		"spring.kafka.streams.properties.commit.interval.ms=100",
		"spring.kafka.streams.properties.statestore.cache.max.bytes=0" })
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
		"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class FraudRulesIntegrationTests {

	/** The service's clock runs an hour behind the wall clock: changedAt must come from it. */
	static final Duration CLOCK_OFFSET = Duration.ofHours(-1);

	static final String RULES = "/api/analytics/fraud/rules";

	@TestConfiguration(proxyBeanMethods = false)
	static class ServiceClock {

		@Bean
		@Primary
		Clock behindClock() {
			return Clock.offset(Clock.systemUTC(), CLOCK_OFFSET);
		}
	}

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
	void shouldJudgeTheNextTransactionByRulesChangedOverRestAndAnswerThemOnGet() throws Exception {
		String account = "account-" + UUID.randomUUID();
		// The service's now: the account query refuses an instant after it.
		Instant now = Instant.now().plus(CLOCK_OFFSET).truncatedTo(ChronoUnit.SECONDS);
		// Given the configured rules, under which 5000 is no large amount
		assertThat(get(RULES)).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"largeAmount":"10000","maxTransactionsPerWindow":5,"velocityWindow":"PT1M",
				 "countryChangeWindow":"PT30M","smallAmount":"1.00","largeAfterSmallAmount":"500",
				 "smallThenLargeWindow":"PT1M","changedBy":null,"changedAt":null}""");
		publish(transaction(account, "5000.00", now.minusSeconds(10)));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(get("/api/analytics/accounts/" + account + "?at=" + now.minusSeconds(10)))
				.hasStatusOk());

		// When an operator lowers the threshold
		Instant before = Instant.now();
		var changed = mvc.put()
			.uri(RULES)
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_platform:admin")))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("largeAmount", "\"1000\"")))
			.exchange();
		Instant after = Instant.now();

		// Then the answer is what was written, at the service's clock
		assertThat(changed).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"largeAmount":"1000","maxTransactionsPerWindow":5,"velocityWindow":"PT1M",
				 "countryChangeWindow":"PT30M","smallAmount":"1.00","largeAfterSmallAmount":"500",
				 "smallThenLargeWindow":"PT1M","changedBy":"operator"}""");
		Instant changedAt = Instant.parse(com.jayway.jsonpath.JsonPath.read(
				changed.getResponse().getContentAsString(), "$.changedAt"));
		assertThat(changedAt).isBetween(before.plus(CLOCK_OFFSET), after.plus(CLOCK_OFFSET));
		// and the record on the compacted topic is the contract's event under the one key
		ConsumerRecord<String, EventEnvelope<?>> record = rulesRecord();
		assertThat(record.key()).isEqualTo(FraudRulesChanged.KEY);
		assertThat(record.value().data()).isInstanceOfSatisfying(FraudRulesChanged.class, rules -> {
			assertThat(rules.largeAmount()).isEqualByComparingTo("1000");
			assertThat(rules.changedAt()).isEqualTo(changedAt);
		});
		assertThat(record.value().time()).isEqualTo(changedAt);
		// and this instance answers the new rules once its global table has them (a moment later)
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get(RULES)).hasStatusOk()
				.bodyJson()
				.isLenientlyEqualTo("""
						{"largeAmount":"1000","changedBy":"operator","changedAt":"%s"}""".formatted(changedAt)));

		// and the next transaction of 5000 is judged by them
		publish(transaction(account, "5000.00", now));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(get("/api/analytics/alerts/fraud")).hasStatusOk()
				.bodyJson()
				.extractingPath("$.alerts[?(@.alert.accountId == '%s')].alert.explanation".formatted(account))
				.isEqualTo(List.of("Amount 5000.00 EUR is above the threshold of 1000")));
	}

	@Test
	void shouldRefuseInvalidRulesNamingEachFieldAndRule() {
		assertThat(put(body(Map.of("largeAmount", "\"-1\"", "maxTransactionsPerWindow", "1000", "velocityWindow",
				"\"PT0S\"", "changedBy", "\" \""))))
			.hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[*]")
			.isEqualTo(List.of(Map.of("field", "changedBy", "rule", "NotBlank", "message", "must not be blank"),
					Map.of("field", "largeAmount", "rule", "DecimalMin", "message", "must be greater than 0"),
					Map.of("field", "maxTransactionsPerWindow", "rule", "FewerThanRememberedTransactions", "message",
							"must be less than max-remembered-transactions (1000)"),
					Map.of("field", "velocityWindow", "rule", "DurationMin", "message",
							"must be longer than 0")));
		assertThat(put(body(Map.of("smallThenLargeWindow", "\"a minute\"")))).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.isEqualTo(Map.of("field", "smallThenLargeWindow", "rule", "format", "message",
					"has a value of the wrong type or format"));
		assertThat(put("{\"changedBy\":\"operator\"}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.isEqualTo(List.of("countryChangeWindow", "largeAfterSmallAmount", "largeAmount",
					"maxTransactionsPerWindow", "smallAmount", "smallThenLargeWindow", "velocityWindow"));
		// Nothing invalid reached the rules in force
		assertThat(get(RULES)).hasStatusOk().bodyJson().extractingPath("$.largeAmount").isIn("10000", "1000");
	}

	@Test
	void shouldLetOnlyAnAdministratorChangeTheRules() {
		assertThat(mvc.put()
			.uri(RULES)
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_analytics:read")))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of()))).hasStatus(403);
		assertThat(mvc.get().uri(RULES).with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_users:read"))))
			.hasStatus(403);
	}

	/** The configured rules as JSON, with some values replaced (given as JSON). */
	private static String body(Map<String, String> replaced) {
		Map<String, String> values = new java.util.TreeMap<>(Map.of("largeAmount", "\"10000\"",
				"maxTransactionsPerWindow", "5", "velocityWindow", "\"PT1M\"", "countryChangeWindow", "\"PT30M\"",
				"smallAmount", "\"1.00\"", "largeAfterSmallAmount", "\"500\"", "smallThenLargeWindow", "\"PT1M\"",
				"changedBy", "\"operator\""));
		values.putAll(replaced);
		return values.entrySet()
			.stream()
			.map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	private MockMvcTester.MockMvcRequestBuilder get(String path) {
		return mvc.get().uri(path).with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_analytics:read")));
	}

	private MockMvcTester.MockMvcRequestBuilder put(String body) {
		return mvc.put()
			.uri(RULES)
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_platform:admin")))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	private ConsumerRecord<String, EventEnvelope<?>> rulesRecord() {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "rules-" + UUID.randomUUID(), false);
		try (Consumer<String, EventEnvelope<?>> consumer = new DefaultKafkaConsumerFactory<String, EventEnvelope<?>>(
				props, new StringDeserializer(), new EventDeserializer())
			.createConsumer()) {
			consumer.subscribe(List.of(Topics.ANALYTICS_FRAUD_RULES.name()));
			return KafkaTestUtils.getSingleRecord(consumer, Topics.ANALYTICS_FRAUD_RULES.name(), Duration.ofSeconds(30));
		}
	}

	private static TransactionRecorded transaction(String account, String amount, Instant at) {
		return new TransactionRecorded(UUID.randomUUID(), account, new BigDecimal(amount), "EUR", Direction.DEBIT,
				"Shop", "NL", at);
	}

	private void publish(TransactionRecorded transaction) {
		EventEnvelope<TransactionRecorded> event = new EventEnvelope<>(UUID.randomUUID().toString(),
				URI.create("/test"), transaction.occurredAt(), transaction);
		try (var producer = new DefaultKafkaProducerFactory<String, EventEnvelope<?>>(
				KafkaTestUtils.producerProps(broker), new StringSerializer(), new EventSerializer())
			.createProducer()) {
			producer.send(new ProducerRecord<>(event.topic().name(), event.key(), event));
		}
	}
}
