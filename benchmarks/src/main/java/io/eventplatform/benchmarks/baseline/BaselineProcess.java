package io.eventplatform.benchmarks.baseline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.eventplatform.local.process.ChildProcess;
import io.eventplatform.local.process.JavaCommand;
import io.eventplatform.local.process.ServiceJvm;
import static org.awaitility.Awaitility.await;
import org.awaitility.core.ConditionTimeoutException;

/** The baseline application as a process of its own, started like the platform's services. */
public final class BaselineProcess implements AutoCloseable {

	private final ChildProcess process;

	private final int port;

	private BaselineProcess(ChildProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/** Starts it and waits until it is ready; tokens are checked against {@code issuer}, as in every service. */
	public static BaselineProcess start(int port, URI issuer, String bootstrapServers, Path projectDir, Path dataDir,
			Path logFile, Duration timeout, Clock clock) {
		List<String> command = JavaCommand.mainClass(ServiceJvm.OPTIONS, BaselineApplication.class,
				List.of("--server.port=" + port, "--spring.application.name=benchmark-baseline",
						"--platform.security.issuer-uri=" + issuer, "--spring.kafka.bootstrap-servers=" + bootstrapServers,
						"--platform.data-dir=" + dataDir));
		ChildProcess process = ChildProcess.start("benchmark-baseline", command, projectDir, logFile,
				clock.instant());
		BaselineProcess baseline = new BaselineProcess(process, port);
		baseline.awaitReady(timeout);
		return baseline;
	}

	public URI readingsUrl() {
		return URI.create("http://127.0.0.1:" + port + BaselineController.PATH);
	}

	public int port() {
		return port;
	}

	private void awaitReady(Duration timeout) {
		HttpClient http = HttpClient.newHttpClient();
		URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
		try {
			await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							"The baseline application exited: " + String.join("\n", process.logTail(40)));
				}
				try {
					return http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding())
						.statusCode() == 200;
				}
				catch (java.io.IOException ex) {
					return false; // not listening yet
				}
			});
			return;
		}
		catch (ConditionTimeoutException ex) {
			// reported below
		}
		close();
		throw new IllegalStateException("The baseline application was not ready within " + timeout + "; see "
				+ process.logFile());
	}

	@Override
	public void close() {
		process.stop(Duration.ofSeconds(20));
	}

}
