package io.eventplatform.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server from Maven Central's binaries (no Docker) for a service's tests with the {@code postgresql}
 * profile: started once per JVM, stopped with it.
 */
public final class EmbeddedPostgresDatabase {

	private static EmbeddedPostgres server;

	private EmbeddedPostgresDatabase() {
	}

	/** Points {@code spring.datasource} at the server, starting it first; call from a {@code @DynamicPropertySource}. */
	public static synchronized void register(DynamicPropertyRegistry registry) {
		if (server == null) {
			try {
				server = EmbeddedPostgres.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			EmbeddedPostgres started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ex) {
					// The JVM is going away; the server's directory is a temporary one
				}
			}));
		}
		int port = server.getPort();
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + port + "/postgres");
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}
}
