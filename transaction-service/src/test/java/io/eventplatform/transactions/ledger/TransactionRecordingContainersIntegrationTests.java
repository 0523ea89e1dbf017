package io.eventplatform.transactions.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.math.BigDecimal;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.testcontainers.kafka.KafkaContainer;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.support.testing.ContainersIntegrationTest;
import io.eventplatform.support.testing.KafkaContainerConfiguration;
import io.eventplatform.support.testing.PostgresContainerConfiguration;
import io.eventplatform.support.testing.TopicProbe;
import tools.jackson.databind.json.JsonMapper;

/** A transaction through the API, kept in PostgreSQL and relayed by the outbox to Kafka, both in containers. */
@ContainersIntegrationTest(coveredWithoutDockerBy = { TransactionRecordingIntegrationTests.class,
		LedgerSchemaOnPostgresIntegrationTests.class })
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("postgresql")
@Import({ PostgresContainerConfiguration.class, KafkaContainerConfiguration.class })
class TransactionRecordingContainersIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Transactions transactions;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaContainer kafka;

	@Test
	void shouldKeepTheTransactionInPostgresAndPublishItToKafkaKeyedByAccount() {
		// Given
		String account = "ACC-" + UUID.randomUUID().toString().substring(0, 8);

		// When
		MvcTestResult result = mvc.post()
			.uri("/api/transactions")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.with(jwt().jwt(token -> token.claim("client_id", "demo-client"))
				.authorities(new SimpleGrantedAuthority("SCOPE_transactions:write")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"accountId":"%s","amount":"12.50","currency":"EUR","direction":"DEBIT","merchant":"Coffee Corner",
					 "merchantCountry":"DE","occurredAt":"2025-06-01T10:15:30Z"}""".formatted(account))
			.exchange();

		// Then
		assertThat(result).hasStatus(201);
		UUID id = UUID.fromString(json.readTree(result.getResponse().getContentAsByteArray()).get("id").asString());
		assertThat(transactions.findById(id)).isPresent();
		ConsumerRecord<String, EventEnvelope<?>> record = TopicProbe.awaitRecord(kafka.getBootstrapServers(),
				Topics.TRANSACTIONS_RECORDED.name(), account);
		assertThat(record.value().data()).isInstanceOfSatisfying(TransactionRecorded.class, event -> {
			assertThat(event.transactionId()).isEqualTo(id);
			assertThat(event.amount()).isEqualByComparingTo(new BigDecimal("12.50"));
		});
	}
}
