package io.eventplatform.support.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The H2 file every service keeps by default, with the URL the services get from {@code platform-defaults.yml}: a
 * process killed with SIGKILL right after its commits returned loses none of them. H2's MVStore otherwise writes
 * committed changes to the file up to {@code WRITE_DELAY} (500 ms) later, in the background.
 */
class H2CommitDurabilityTests {

	static final int ACKNOWLEDGED = 300;

	@TempDir
	Path dataDir;

	@Test
	void shouldKeepEveryCommitThatReturnedWhenTheProcessIsKilled() throws Exception {
		// Given the URL a service gets by default, and a process committing row after row through it
		String url = platformDefaultUrl(dataDir, "");
		Process process = committingProcess(url, "sa", "");

		// When the process is killed (SIGKILL) the moment its 300th commit has returned
		long acknowledged = killAfter(process, ACKNOWLEDGED);

		// Then every row whose commit returned is in the file, with its outbox row
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			assertThat(countUpTo(connection, "acknowledged", acknowledged)).isEqualTo(acknowledged);
			assertThat(countUpTo(connection, "announced", acknowledged)).isEqualTo(acknowledged);
		}
	}

	@Test
	void shouldKeepTheSettingWhenAServiceAddsH2Options() {
		// The warehouse adds a compatibility mode: the write delay must stay as it is
		assertThat(platformDefaultUrl(dataDir, ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")).contains(";WRITE_DELAY=0")
			.endsWith(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
	}

	@Test
	void shouldTellWhatADurableCommitCosts() throws SQLException {
		// Given the default URL and one with H2's own default write delay (500 ms, written in the background)
		String durable = platformDefaultUrl(dataDir.resolve("durable"), "");
		String delayed = platformDefaultUrl(dataDir.resolve("delayed"), "").replace(";WRITE_DELAY=0", "");

		// When each commits the same small transactions (a row and an outbox row, as a request does)
		double[] durableMicros = commitTimes(durable);
		double[] delayedMicros = commitTimes(delayed);

		// Then a durable commit costs a file write per commit; reported for the README, bounded only loosely
		System.out.printf("H2 commit (2 rows): WRITE_DELAY=0 median %.0f µs, p90 %.0f µs; WRITE_DELAY=500 median %.0f µs,"
				+ " p90 %.0f µs%n", percentile(durableMicros, 50), percentile(durableMicros, 90),
				percentile(delayedMicros, 50), percentile(delayedMicros, 90));
		assertThat(percentile(durableMicros, 50)).isLessThan(50_000);
	}

	/** {@code spring.datasource.url} as a service resolves it from the shared defaults. */
	static String platformDefaultUrl(Path dataDir, String h2Options) {
		try {
			List<PropertySource<?>> defaults = new YamlPropertySourceLoader().load("platform-defaults",
					new ClassPathResource("platform-defaults.yml"));
			StandardEnvironment environment = new StandardEnvironment();
			environment.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("platform.data-dir", dataDir.toString(),
						"spring.application.name", "durability", "platform.datasource.h2-options", h2Options)));
			environment.getPropertySources().addLast(defaults.get(0));
			return environment.getRequiredProperty("spring.datasource.url");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Process committingProcess(String url, String user, String password) throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		return new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), CommittingProcess.class.getName(), url, user, password)
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
	}

	/** Reads the ids the process reports as committed and kills it (SIGKILL) once it reported {@code count}. */
	static long killAfter(Process process, int count) throws Exception {
		long last = 0;
		try (BufferedReader committed = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while (last < count && (line = committed.readLine()) != null) {
				last = Long.parseLong(line.strip());
			}
			process.destroyForcibly();
		}
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(last).as("the process reported its commits").isEqualTo(count);
		return last;
	}

	static long countUpTo(Connection connection, String table, long last) throws SQLException {
		try (PreparedStatement count = connection
			.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE id BETWEEN 1 AND ?")) {
			count.setLong(1, last);
			try (ResultSet result = count.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static double[] commitTimes(String url) throws SQLException {
		int warmUp = 200;
		int measured = 1000;
		double[] micros = new double[measured];
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				CommittingProcess.Rows rows = new CommittingProcess.Rows(connection)) {
			for (int i = 0; i < warmUp + measured; i++) {
				long start = System.nanoTime();
				rows.commit(i);
				if (i >= warmUp) {
					micros[i - warmUp] = (System.nanoTime() - start) / 1_000.0;
				}
			}
		}
		return micros;
	}

	private static double percentile(double[] values, int percent) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
	}
}
