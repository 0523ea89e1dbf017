package io.eventplatform.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.support.kafka.AcknowledgingEventPublisher;

/**
 * The relay never sends an event whose transaction is not yet in the database's file: a crash at the moment of sending
 * (seen here as a copy of the file taken then) keeps the state change the event announces.
 */
class OutboxRelayDurabilityTests {

	@TempDir
	Path dir;

	private JdbcClient jdbc;

	private final List<Long> ledgerRowsOnDiskWhenSent = new ArrayList<>();

	@AfterEach
	void shutDown() {
		jdbc.sql("SHUTDOWN").update();
	}

	@Test
	void shouldSendAnEventOnlyOnceItsTransactionIsInTheFile() {
		// Given an H2 file that writes commits late (a long write delay stretches the moment between a commit becoming
		// visible and its write, which WRITE_DELAY=0 shortens to a moment but does not close)
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:file:" + dir.resolve("live/db") + ";WRITE_DELAY=10000;DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		jdbc = JdbcClient.create(dataSource);
		OutboxSchema.migrate(dataSource);
		jdbc.sql("CREATE TABLE ledger (id BIGINT PRIMARY KEY)").update();
		jdbc.sql("CHECKPOINT").update();
		TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
		OutboxRelay relay = new OutboxRelay(jdbc, transactions,
				new AcknowledgingEventPublisher(event -> ledgerRowsOnDiskWhenSent.add(ledgerRowsOnDisk())),
				new OutboxProperties(500, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(40)),
				OutboxTracing.NONE, OutboxRelay.durabilityBarrier(dataSource));
		Outbox outbox = new Outbox(jdbc, relay, OutboxTracing.NONE);

		// When a state change and its event are committed together, and the relay publishes the event
		List<EventEnvelope<TransactionRecorded>> events = TransactionEvents.interleaved(1, 1);
		transactions.executeWithoutResult(status -> {
			jdbc.sql("INSERT INTO ledger (id) VALUES (1)").update();
			outbox.add(events.get(0));
		});
		relay.relayOneRound();

		// Then at the moment it was sent, the state change was in the file
		assertThat(ledgerRowsOnDiskWhenSent).containsExactly(1L);
	}

	/** What a process killed now would find on restart: a copy of the file as it is. */
	private long ledgerRowsOnDisk() {
		try {
			Path crashed = Files.createDirectories(dir.resolve("crashed-" + System.nanoTime()));
			Files.copy(dir.resolve("live/db.mv.db"), crashed.resolve("db.mv.db"));
			try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + crashed.resolve("db"), "sa", "");
					var result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM ledger")) {
				result.next();
				return result.getLong(1);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
