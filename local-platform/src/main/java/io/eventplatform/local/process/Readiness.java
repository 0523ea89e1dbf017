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

	/** What the last check saw, for the message when a part is never ready (e.g. an endpoint answering 404). */
	default String lastOutcome() {
		return "not ready";
	}

	/** Releases what the check holds (a client, a connection pool); called once the part is ready or given up. */
	@Override
	default void close() {
	}

	/** Ready when a {@code GET} of the address answers 200. */
	static Readiness httpOk(URI uri) {
		return new HttpOk(uri);
	}

	/** Ready when the port accepts a TCP connection. */
	static Readiness acceptsConnections(String host, int port) {
		return new Readiness() {

			private volatile String lastOutcome = "not checked yet";

			@Override
			public boolean isReady() {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(host, port), 1000);
					return true;
				}
				catch (IOException ex) {
					lastOutcome = host + ":" + port + " refused connections";
					return false;
				}
			}

			@Override
			public String lastOutcome() {
				return lastOutcome;
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
			public String lastOutcome() {
				return all.stream().filter(check -> !check.isReady()).findFirst().map(Readiness::lastOutcome).orElse("ready");
			}

			@Override
			public void close() {
				all.forEach(Readiness::close);
			}

		};
	}

	/** {@code GET} answering 200. */
	final class HttpOk implements Readiness {

		/** One client for every check: each {@link HttpClient} owns a selector thread. */
		private static final HttpClient CLIENT = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(1))
			.build();

		private final URI uri;

		private volatile String lastOutcome = "not checked yet";

		private HttpOk(URI uri) {
			this.uri = uri;
		}

		@Override
		public boolean isReady() {
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
			try {
				int status = CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				lastOutcome = "GET " + uri + " answered " + status;
				return status == 200;
			}
			catch (IOException ex) {
				lastOutcome = "GET " + uri + " failed: " + ex;
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		@Override
		public String lastOutcome() {
			return lastOutcome;
		}

	}

}
