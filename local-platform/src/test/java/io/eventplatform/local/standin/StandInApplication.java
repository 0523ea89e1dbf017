package io.eventplatform.local.standin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

/**
 * Behaves like one of the platform's Spring Boot applications as far as the launcher can tell: takes the same
 * arguments, serves {@code /actuator/health/readiness} on {@code --server.port}, and, like a real service, refuses to
 * start when the broker given by {@code --spring.kafka.bootstrap-servers} is not reachable yet. Writes
 * {@code started}/{@code stopped} lines to {@code <platform.data-dir>/stand-in-events.log} so tests can see order.
 * <p>
 * Options of its own: {@code --name} (otherwise the jar's name), {@code --start-delay-ms} (time before it listens),
 * {@code --ignore-sigterm} (its shutdown never completes, so it must be killed).
 */
public final class StandInApplication {

	private StandInApplication() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		String name = options.getOrDefault("name", jarName());
		Path events = Path.of(options.get("platform.data-dir")).resolve("stand-in-events.log");
		String bootstrapServers = options.get("spring.kafka.bootstrap-servers");
		if (bootstrapServers != null && !accepts(bootstrapServers)) {
			System.out.println(name + ": broker not reachable at " + bootstrapServers);
			System.exit(3);
		}
		// A slow start to simulate (this is the stand-in process, not a test waiting for an outcome).
		Thread.sleep(Long.parseLong(options.getOrDefault("start-delay-ms", "0")));

		HttpServer server = HttpServer.create(
				new InetSocketAddress("127.0.0.1", Integer.parseInt(options.get("server.port"))), 0);
		// Like Spring Boot: actuator on the management port when one is set.
		String managementPort = options.get("management.server.port");
		HttpServer management = managementPort == null ? server
				: HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(managementPort)), 0);
		management.createContext("/actuator/health/readiness", exchange -> {
			byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		if (management != server) {
			management.start();
		}
		boolean ignoreSigterm = options.containsKey("ignore-sigterm");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			record(events, "stopped " + name);
			if (ignoreSigterm) {
				awaitForever();
			}
		}));
		record(events, "started " + name + " " + ProcessHandle.current().pid() + " " + String.join(" ", args));
		System.out.println(name + ": ready");
		awaitForever();
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		Arrays.stream(args).filter(arg -> arg.startsWith("--")).forEach(arg -> {
			int equals = arg.indexOf('=');
			options.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals),
					equals < 0 ? "" : arg.substring(equals + 1));
		});
		return options;
	}

	static void awaitForever() {
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean accepts(String hostAndPort) {
		String[] parts = hostAndPort.split(":");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String jarName() throws URISyntaxException {
		Path location = Path.of(StandInApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return location.getFileName().toString().replaceFirst("\\.jar$", "");
	}

	/** Appends one line; lines of a few bytes written with O_APPEND do not interleave between processes. */
	private static synchronized void record(Path events, String line) {
		try {
			Files.writeString(events, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
