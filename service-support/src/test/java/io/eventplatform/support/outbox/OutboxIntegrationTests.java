package io.eventplatform.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.micrometer.core.instrument.MeterRegistry;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=outbox-test", "platform.kafka.produces=transactions.recorded", "platform.outbox.enabled=true",
				"spring.datasource.url=jdbc:h2:mem:outbox;DB_CLOSE_DELAY=-1" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OutboxIntegrationTests {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void emptyTopic() {
		await().atMost(Duration.ofSeconds(20)).until(() -> pending() == 0);
	}

	@Test
	void shouldPublishEveryStoredEventOnceInTheOrderItWasStoredPerKey() {
		List<EventEnvelope<TransactionRecorded>> events = TransactionEvents.interleaved(4, 25);

		// One transaction per event, as one request per transaction would store them.
		events.forEach(event -> transactions.executeWithoutResult(status -> outbox.add(event)));

		assertThat(TransactionEvents.readIdsOf(broker.getBrokersAsString(), TransactionEvents.idsPerAccount(events),
				Duration.ofSeconds(30)))
			.isEqualTo(TransactionEvents.idsPerAccount(events));
		await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
		assertThat(meters.get("platform.outbox.pending").tag("type", "TransactionRecorded").gauge().value()).isZero();
	}

	@Test
	void shouldPublishNothingOfARolledBackTransaction() {
		List<EventEnvelope<TransactionRecorded>> events = TransactionEvents.interleaved(1, 2);
		EventEnvelope<TransactionRecorded> rolledBack = events.get(0);
		EventEnvelope<TransactionRecorded> committed = events.get(1);

		transactions.executeWithoutResult(status -> {
			outbox.add(rolledBack);
			status.setRollbackOnly();
		});
		transactions.executeWithoutResult(status -> outbox.add(committed));

		// Same account, so the committed event comes after the rolled-back one, had that been published.
		assertThat(TransactionEvents.readIdsOf(broker.getBrokersAsString(),
				java.util.Map.of(committed.key(), List.of(committed.id())), Duration.ofSeconds(30))
			.get(committed.key())).containsExactly(committed.id());
	}

	@Test
	void shouldRefuseToStoreAnEventOutsideATransaction() {
		assertThatThrownBy(() -> outbox.add(TransactionEvents.interleaved(1, 1).get(0)))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	private long pending() {
		return jdbc.sql("SELECT COUNT(*) FROM platform_outbox").query(Long.class).single();
	}
}
