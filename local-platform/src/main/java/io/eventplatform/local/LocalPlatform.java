package io.eventplatform.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.eventplatform.local.Part.Stage;
import io.eventplatform.local.PlatformSettings.Application;
import io.eventplatform.local.process.ChildProcess;
import io.eventplatform.local.process.FreePorts;

/**
 * The running platform: a Kafka broker, a mail server, the six services and the gateway, each a process of its
 * own. {@link #start(PlatformSettings)} returns once every part is ready; {@link #close()} stops them in reverse
 * order. A shutdown hook closes the platform if the JVM ends first, so no part outlives the launcher.
 */
public final class LocalPlatform implements AutoCloseable {

	/** Spring Boot's graceful shutdown waits up to 30 s by default; 20 s covers an idle local service. */
	private static final Duration APPLICATION_STOP_GRACE = Duration.ofSeconds(20);

	/** The broker's controlled shutdown flushes and closes every partition; it needs a little longer. */
	private static final Duration INFRASTRUCTURE_STOP_GRACE = Duration.ofSeconds(30);

	private static final int LOG_TAIL_LINES = 40;

	private final PlatformSettings settings;

	private final PrintStream console;

	private final long startNanos = System.nanoTime();

	private final List<Running> running = new ArrayList<>();

	private final List<Part> parts = new ArrayList<>();

	private final Thread shutdownHook = new Thread(this::close, "local-platform-shutdown");

	private volatile boolean closed;

	/** Only for the time stamps in the parts' logs. */
	private final Clock clock;

	private LocalPlatform(PlatformSettings settings, PrintStream console, Clock clock) {
		this.settings = settings;
		this.console = console;
		this.clock = clock;
	}

	/**
	 * Starts the broker and the mail server, waits until both are ready, then starts the services and the gateway
	 * and waits until each reports ready.
	 * @throws PlatformStartupException if a part exits or is not ready within
	 * {@link PlatformSettings#startupTimeout()}; what was started is stopped again
	 */
	public static LocalPlatform start(PlatformSettings settings, Clock clock) {
		return start(settings, System.out, clock);
	}

	static LocalPlatform start(PlatformSettings settings, PrintStream console, Clock clock) {
		WarehouseDataUpgrade.moveAnalyticsDatabase(settings.dataDir())
			.ifPresent(moved -> console.println("▸ moved the warehouse's tables from analytics-service to " + moved));
		return start(settings, PlatformParts.of(settings), console, clock);
	}

	static LocalPlatform start(PlatformSettings settings, List<Part> parts, PrintStream console, Clock clock) {
		checkCanStart(parts);
		LocalPlatform platform = new LocalPlatform(settings, console, clock);
		platform.parts.addAll(parts);
		Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
		long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
		try {
			for (Stage stage : Stage.values()) {
				List<Part> stageParts = parts.stream().filter(part -> part.stage() == stage).toList();
				if (!stageParts.isEmpty()) {
					platform.startAndAwaitReady(stageParts, deadline);
				}
			}
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

	public PlatformSettings settings() {
		return settings;
	}

	/**
	 * The gateway, the platform's one public entrance; {@code localhost} because it is also the token issuer, unless
	 * it listens on one other address only.
	 */
	public URI gatewayUrl() {
		String host = PlatformSettings.LOOPBACK.equals(settings.gatewayHost()) ? "localhost" : settings.gatewayHost();
		return URI.create("http://" + host + ":" + settings.gatewayPort());
	}

	/** Every node's address; one address when a single broker runs. */
	public String kafkaBootstrapServers() {
		return settings.kafka().bootstrapServers();
	}

	/** The mail server's HTTP API: {@code GET /messages}, {@code DELETE /messages}. */
	public URI mailApiUrl() {
		return URI.create("http://127.0.0.1:" + settings.mailApiPort());
	}

	public int smtpPort() {
		return settings.smtpPort();
	}

	/**
	 * The direct address of a service, bypassing the gateway.
	 * @param serviceName the module name ({@code registration-service}, ..., {@code gateway}) or the gateway's route
	 * name for it ({@code registration}, {@code weather-ingest}, ...)
	 */
	public URI serviceUrl(String serviceName) {
		return URI.create("http://127.0.0.1:" + application(serviceName).port());
	}

	/**
	 * The management address of a service (actuator: health, and {@code /actuator/prometheus} without a token).
	 * @param serviceName as for {@link #serviceUrl(String)}, or an instance {@link #startAnalyticsInstance} started
	 */
	public URI managementUrl(String serviceName) {
		synchronized (this) {
			// Any application part, also one started later (startAnalyticsInstance), whose ports are not in the settings
			for (Part part : parts) {
				if (part.name().equals(serviceName) && part.stage() == Part.Stage.APPLICATIONS
						&& part.ports().size() == 2) {
					return URI.create("http://127.0.0.1:" + part.ports().get(1));
				}
			}
		}
		return URI.create("http://127.0.0.1:" + application(serviceName).managementPort());
	}

	private Application application(String serviceName) {
		return settings.applications()
			.stream()
			.filter(application -> application.name().equals(serviceName)
					|| serviceName.equals(application.routeKey()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown service '" + serviceName + "'; known: "
					+ settings.applications().stream().map(Application::name).collect(Collectors.joining(", "))));
	}

	/**
	 * Stops one part while the others run on, as an outage would: e.g. {@code kafka-broker}, to see the services
	 * without their broker. {@link #startPart(String)} starts it again on the same data.
	 * @param partName {@code kafka-broker} (in a cluster {@code kafka-broker-<id>}), {@code mail-server}, or a
	 * service's module name
	 */
	public synchronized void stopPart(String partName) {
		Running part = running.stream()
			.filter(candidate -> candidate.part().name().equals(partName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("'" + partName + "' is not running"));
		stop(List.of(part), part.stage() == Stage.APPLICATIONS ? APPLICATION_STOP_GRACE : INFRASTRUCTURE_STOP_GRACE);
		part.part().readiness().close();
		running.remove(part);
	}

	/**
	 * Kills one part at once ({@code SIGKILL}: no shutdown hook, no graceful close, nothing flushed), as a crash would.
	 * {@link #startPart(String)} starts it again on the same data.
	 */
	public synchronized void killPart(String partName) {
		Running part = running.stream()
			.filter(candidate -> candidate.part().name().equals(partName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("'" + partName + "' is not running"));
		part.stopping = true;
		part.process().kill();
		console.printf("✖ killed %s%n", part.label());
		part.part().readiness().close();
		running.remove(part);
	}

	/** Whether the part is running: started and neither stopped nor killed since. */
	public synchronized boolean isRunning(String partName) {
		return running.stream().anyMatch(candidate -> candidate.part().name().equals(partName));
	}

	/** Starts a part stopped by {@link #stopPart(String)} or {@link #killPart(String)} again and waits until it is ready. */
	public void startPart(String partName) {
		Part part = parts.stream()
			.filter(candidate -> candidate.name().equals(partName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown part '" + partName + "'"));
		synchronized (this) {
			if (running.stream().anyMatch(candidate -> candidate.part() == part)) {
				throw new IllegalStateException("'" + partName + "' is running already");
			}
		}
		startAndAwaitReady(List.of(part), System.nanoTime() + settings.startupTimeout().toNanos());
	}

	/**
	 * Starts one more instance of analytics-service on a free port and waits until it is ready. The gateway keeps
	 * routing to the first; the new one, {@code analytics-service-<n>} for {@link #stopPart}, {@link #killPart} and
	 * {@link #startPart}, shares the stream tasks with it and answers queries for any key at the address returned.
	 */
	public URI startAnalyticsInstance() {
		Part part;
		synchronized (this) {
			int instance = 2 + (int) parts.stream()
				.filter(candidate -> candidate.name().startsWith(PlatformParts.ANALYTICS + "-"))
				.count();
			int[] ports = FreePorts.take(2);
			part = PlatformParts.analyticsInstance(settings, instance, ports[0], ports[1]);
			parts.add(part);
		}
		startAndAwaitReady(List.of(part), System.nanoTime() + settings.startupTimeout().toNanos());
		return URI.create("http://127.0.0.1:" + part.ports().get(0));
	}

	/**
	 * Stops the services and the gateway together (each gets {@code SIGTERM}, then is killed if it has not ended
	 * after 20 s), then the mail server, then the broker, so the services can still flush to the broker while they
	 * stop. Calling it again does nothing.
	 */
	@Override
	public void close() {
		close(APPLICATION_STOP_GRACE);
	}

	/** {@link #close()}, giving the applications {@code applicationGrace} to end before they are killed. */
	synchronized void close(Duration applicationGrace) {
		if (closed) {
			return;
		}
		closed = true;
		if (!running.isEmpty()) {
			console.println("▸ stopping");
		}
		List<Running> applications = running.stream().filter(part -> part.stage() == Stage.APPLICATIONS).toList();
		stop(applications, applicationGrace);
		List<Running> infrastructure = running.stream().filter(part -> part.stage() == Stage.INFRASTRUCTURE).toList();
		for (int i = infrastructure.size() - 1; i >= 0; i--) {
			stop(List.of(infrastructure.get(i)), INFRASTRUCTURE_STOP_GRACE);
		}
		running.forEach(part -> part.part().readiness().close());
		try {
			Runtime.getRuntime().removeShutdownHook(shutdownHook);
		}
		catch (IllegalStateException ex) {
			// Already shutting down (possibly this is the hook): nothing to remove.
		}
	}

	private void stop(List<Running> parts, Duration grace) {
		if (parts.isEmpty()) {
			return;
		}
		long stopStart = System.nanoTime();
		parts.forEach(part -> part.stopping = true);
		ChildProcess.stopAll(parts.stream().map(Running::process).toList(), grace);
		console.printf("■ stopped %s (%.1f s)%n", parts.stream().map(Running::label).collect(Collectors.joining(", ")),
				(System.nanoTime() - stopStart) / 1e9);
	}

	/**
	 * Launches the parts at once and waits for all of them, each checked by a thread of its own so that one slow
	 * check (the broker's admin request) does not delay reporting the others.
	 */
	private void startAndAwaitReady(List<Part> parts, long deadline) {
		console.println("▸ starting " + parts.stream().map(Part::label).collect(Collectors.joining(", ")));
		List<Running> launched = parts.stream().map(this::launch).toList();
		ExecutorService checks = Executors.newFixedThreadPool(launched.size(), runnable -> {
			Thread thread = new Thread(runnable, "local-platform-readiness");
			thread.setDaemon(true);
			return thread;
		});
		try {
			CompletionService<Running> ready = new ExecutorCompletionService<>(checks);
			launched.forEach(part -> ready.submit(() -> awaitReady(part, deadline)));
			for (int i = 0; i < launched.size(); i++) {
				Future<Running> next = ready.take();
				Running part = next.get();
				part.part().readiness().close();
				console.printf("✔ %-22s %-26s (%.1f s)%n", part.label(), part.part().address(), secondsSinceStart());
			}
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting the platform", ex);
		}
		finally {
			checks.shutdownNow();
		}
	}

	private synchronized Running launch(Part part) {
		if (closed) {
			throw new IllegalStateException("The platform is being stopped");
		}
		Path logFile = settings.logFile(part.name());
		Running started = new Running(part, ChildProcess.start(part.name(), part.command(), settings.projectDir(), logFile,
				clock.instant()));
		running.add(started);
		started.process().onExit().thenAccept(process -> {
			// Only an end nobody asked for is news: a part stopped or killed on purpose has been reported already.
			if (!closed && started.ready && !started.stopping) {
				console.printf("✖ %s exited with code %d; see %s%n", part.label(), process.exitValue(), logFile);
			}
		});
		return started;
	}

	private Running awaitReady(Running part, long deadline) throws InterruptedException {
		String problem = part.process().awaitReady(part.part().readiness(), deadline, settings.startupTimeout());
		if (problem != null) {
			throw failure(part, problem + ".");
		}
		part.ready = true;
		return part;
	}

	private PlatformStartupException failure(Running part, String problem) {
		return new PlatformStartupException(part.part().name(), problem, part.process().logFile(),
				part.process().logTail(LOG_TAIL_LINES));
	}

	private double secondsSinceStart() {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	/** Fails before anything is launched, rather than after the broker has already started. */
	private static void checkCanStart(List<Part> parts) {
		for (Part part : parts) {
			for (Path file : part.requiredFiles()) {
				if (!Files.isRegularFile(file)) {
					throw new PlatformStartupException(part.name(),
							"cannot start: " + file + " does not exist. Build it first: ./mvnw -B -DskipTests install",
							null, List.of());
				}
			}
			for (int port : part.ports()) {
				if (!isFree(port)) {
					throw new PlatformStartupException(part.name(), "cannot start: port " + port
							+ " is in use. Is the platform already running? Stop it or choose other ports.", null,
							List.of());
				}
			}
		}
	}

	/** Binds the wildcard address, which fails whether the port is taken on 127.0.0.1 or on every interface. */
	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * A launched part; {@code ready} once its readiness check has passed, {@code stopping} once the platform has asked
	 * it to end.
	 */
	private static final class Running {

		private final Part part;

		private final ChildProcess process;

		private volatile boolean ready;

		private volatile boolean stopping;

		Running(Part part, ChildProcess process) {
			this.part = part;
			this.process = process;
		}

		Part part() {
			return part;
		}

		ChildProcess process() {
			return process;
		}

		Stage stage() {
			return part.stage();
		}

		String label() {
			return part.label();
		}

	}

}
