package io.eventplatform.local.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Tells whether a started part can serve. Checks are polled, so each one answers quickly and never throws: a part
 * that cannot be reached yet is simply not ready.
 */
@FunctionalInterface
public interface Readiness extends AutoCloseable {

	boolean isReady();

	/** Releases what the check holds (a client, a connection pool); called once the part is ready or given up. */
	@Override
	default void close() {
	}

	/** Ready when a {@code GET} of the address answers 200. */
	static Readiness httpOk(URI uri) {
		return () -> {
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
			try {
				return HttpChecks.CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		};
	}

	/** Ready when the port accepts a TCP connection. */
	static Readiness acceptsConnections(String host, int port) {
		return () -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(host, port), 1000);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		};
	}

	/** Ready when every check is; checks after the first one that fails are not asked. */
	static Readiness allOf(Readiness... checks) {
		List<Readiness> all = List.of(checks);
		return new Readiness() {

			@Override
			public boolean isReady() {
				return all.stream().allMatch(Readiness::isReady);
			}

			@Override
			public void close() {
				all.forEach(Readiness::close);
			}

		};
	}

}

final class HttpChecks {

	/** One client for every check: each {@link HttpClient} owns a selector thread. */
	static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private HttpChecks() {
	}

}
