package io.eventplatform.support.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL (the {@code postgresql} profile) with its default {@code synchronous_commit=on}: a commit that returned
 * survives the service being killed and the database server crashing right after (every PostgreSQL process killed
 * with SIGKILL, recovery from the WAL on restart). The embedded test server turns {@code synchronous_commit} off for
 * speed; this test turns it back on, as every real server has it (CloudNativePG included).
 */
class PostgresCommitDurabilityTests {

	@TempDir
	Path dataDir;

	@Test
	void shouldKeepEveryCommitThatReturnedWhenServiceAndServerCrash() throws Exception {
		// Given a PostgreSQL server as production runs it, and a process committing row after row to it
		EmbeddedPostgres server = start();
		String url = server.getJdbcUrl("postgres", "postgres");
		Process process = H2CommitDurabilityTests.committingProcess(url, "postgres", "postgres");

		// When its 300th commit has returned, the server crashes (SIGKILL to all its processes), then the process
		long acknowledged;
		try (var committed = process.inputReader()) {
			acknowledged = 0;
			String line;
			while (acknowledged < H2CommitDurabilityTests.ACKNOWLEDGED && (line = committed.readLine()) != null) {
				acknowledged = Long.parseLong(line.strip());
			}
			crash(server);
			process.destroyForcibly();
		}
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(acknowledged).isEqualTo(H2CommitDurabilityTests.ACKNOWLEDGED);

		// Then, after recovery, every row whose commit returned is there, with its outbox row
		try (EmbeddedPostgres restarted = start(); Connection connection = restarted.getPostgresDatabase().getConnection()) {
			assertThat(H2CommitDurabilityTests.countUpTo(connection, "acknowledged", acknowledged)).isEqualTo(acknowledged);
			assertThat(H2CommitDurabilityTests.countUpTo(connection, "announced", acknowledged)).isEqualTo(acknowledged);
		}
	}

	private EmbeddedPostgres start() throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("fsync", "on")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
	}

	/** Every process of the server killed at once, as an OOM kill or a lost node would; nothing flushed on the way. */
	private void crash(EmbeddedPostgres server) throws IOException {
		long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
		ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
		List<ProcessHandle> processes = handle.descendants().toList();
		handle.destroyForcibly();
		processes.forEach(ProcessHandle::destroyForcibly);
		handle.onExit().join();
		processes.forEach(process -> process.onExit().join());
		try {
			// Releases the test's lock on the data directory; the server it would stop is gone already.
			server.close();
		}
		catch (IOException | RuntimeException expected) {
			// pg_ctl finds no server to stop
		}
	}
}
