package io.eventplatform.local.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import io.eventplatform.local.client.AccessTokens;

/**
 * Sends each {@link DemoTraffic}'s requests through the gateway on its own schedule, with a client-credentials token,
 * and prints a line every {@value #REPORT_EVERY} requests with the HTTP statuses seen since the last line. A failed
 * request is counted and the traffic goes on: the demo is meant to show the platform coping.
 */
public final class DemoTrafficGenerator implements AutoCloseable {

	static final int REPORT_EVERY = 10;

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http;

	private final URI gatewayUrl;

	private final AccessTokens tokens;

	private final PrintStream console;

	private final RandomGenerator random = RandomGenerator.getDefault();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "demo-traffic");
		thread.setDaemon(true);
		return thread;
	});

	private DemoTrafficGenerator(URI gatewayUrl, String clientId, String clientSecret, PrintStream console,
			Clock clock) {
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		this.gatewayUrl = gatewayUrl;
		this.tokens = new AccessTokens(http, gatewayUrl, clientId, clientSecret, clock);
		this.console = console;
	}

	/** Starts sending at once; runs until {@link #close()}. */
	public static DemoTrafficGenerator start(URI gatewayUrl, String clientId, String clientSecret,
			List<DemoTraffic> traffic, PrintStream console, Clock clock) {
		DemoTrafficGenerator generator = new DemoTrafficGenerator(gatewayUrl, clientId, clientSecret, console, clock);
		for (DemoTraffic kind : traffic) {
			Progress progress = new Progress(kind.name());
			generator.scheduler.scheduleWithFixedDelay(() -> generator.sendNext(kind, progress), 0,
					kind.interval().toMillis(), TimeUnit.MILLISECONDS);
		}
		console.println("demo: sending " + traffic.stream().map(DemoTraffic::name).collect(Collectors.joining(", "))
				+ " through " + gatewayUrl);
		return generator;
	}

	/**
	 * Lets the traffic go on for {@code duration}, then stops scheduling it and returns once the requests in flight
	 * have been answered (or after their timeout).
	 * @return whether the last requests ended in time
	 */
	public boolean runFor(Duration duration) throws InterruptedException {
		// Shutting down a scheduler cancels its periodic tasks; the one running finishes.
		scheduler.schedule(scheduler::shutdown, duration.toMillis(), TimeUnit.MILLISECONDS);
		return scheduler.awaitTermination(duration.plus(REQUEST_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		scheduler.shutdownNow();
	}

	/** Never throws: an exception would silently end this traffic's schedule. */
	private void sendNext(DemoTraffic kind, Progress progress) {
		String outcome;
		try {
			outcome = Integer.toString(send(kind.next(random)));
		}
		catch (AccessTokens.TokenRequestFailed ex) {
			outcome = "token " + ex.status();
		}
		catch (IOException ex) {
			outcome = "no answer";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (RuntimeException ex) {
			outcome = ex.getClass().getSimpleName();
		}
		progress.record(outcome).ifPresent(console::println);
	}

	private int send(DemoRequest demoRequest) throws IOException, InterruptedException {
		String body = demoRequest.jsonBody();
		HttpRequest.Builder request = HttpRequest.newBuilder(gatewayUrl.resolve(demoRequest.path()))
			.timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Bearer " + tokens.current())
			.method(demoRequest.method(),
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		demoRequest.headers().forEach(request::header);
		int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		if (status == 401) {
			tokens.invalidate();
		}
		return status;
	}

	/** Counts the outcomes of one kind of traffic and summarises them every {@value #REPORT_EVERY}. */
	private static final class Progress {

		private final String name;

		private final Map<String, Integer> sinceLastReport = new TreeMap<>();

		private long total;

		Progress(String name) {
			this.name = name;
		}

		Optional<String> record(String outcome) {
			total++;
			sinceLastReport.merge(outcome, 1, Integer::sum);
			if (total % REPORT_EVERY != 0) {
				return Optional.empty();
			}
			String outcomes = sinceLastReport.entrySet()
				.stream()
				.map(entry -> entry.getKey() + " ×" + entry.getValue())
				.collect(Collectors.joining(", "));
			sinceLastReport.clear();
			return Optional.of("demo %s: %d sent (last %d: %s)".formatted(name, total, REPORT_EVERY, outcomes));
		}

	}

}
