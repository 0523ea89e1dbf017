package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.eventplatform.local.LocalPlatform;
import io.eventplatform.local.PlatformSettings;
import io.eventplatform.local.client.AccessTokens;
import io.eventplatform.local.monitoring.LocalMonitoring;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform as {@code ./run.sh} starts it (a real KRaft broker, a real SMTP server, every service and the gateway
 * as its own process), on free ports and a fresh data directory, started once for all end-to-end test classes.
 */
final class Platform implements BeforeAllCallback {

	static final JsonMapper json = JsonMapper.builder().build();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static LocalPlatform platform;

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).computeIfAbsent(Platform.class, key -> {
			platform = start(1);
			// Whichever platform runs at the end, the one of three brokers included.
			return (AutoCloseable) () -> platform.close();
		});
	}

	static LocalPlatform get() {
		return platform;
	}

	/**
	 * Stops the platform of one broker and starts one on a cluster of three Kafka nodes ({@code ./run.sh --brokers 3}),
	 * for the tests that kill nodes; they run last (see {@code @Order}), since a platform starts in minutes here.
	 */
	static synchronized LocalPlatform onThreeBrokers() {
		if (platform.settings().kafka().size() != 3) {
			platform.close();
			platform = start(3);
		}
		return platform;
	}

	private static LocalPlatform start(int brokers) {
		try {
			Path projectRoot = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
			Path dataDir = Files.createTempDirectory("event-platform-e2e");
			// With Prometheus and Alertmanager where installed, as ./run.sh: DashboardEndToEndTests queries them.
			return LocalPlatform.start(PlatformSettings.onFreePorts(projectRoot, dataDir)
				.withBrokersOnFreePorts(brokers)
				.withMonitoring(LocalMonitoring.prometheusBinary().isPresent()), Clock.systemUTC());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A token from the gateway's token endpoint, as any client gets one. */
	static String token(String clientId, String secret) {
		return token(tokens(clientId, secret));
	}

	/** A token granting only the given scopes (space-separated) of those the client has. */
	static String token(String clientId, String secret, String scope) {
		return token(tokens(clientId, secret).withScope(scope));
	}

	private static AccessTokens tokens(String clientId, String secret) {
		return new AccessTokens(Platform::send, platform.gatewayUrl(), clientId, secret, Clock.systemUTC());
	}

	private static String token(AccessTokens tokens) {
		try {
			return tokens.current();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static URI gateway(String path) {
		return platform.gatewayUrl().resolve(path);
	}

	/** A GET through the gateway with a bearer token. */
	static HttpResponse<String> get(String path, String bearer) {
		return send(HttpRequest.newBuilder(gateway(path)).header("Authorization", "Bearer " + bearer).GET().build());
	}

	/** A POST of a JSON body through the gateway with a bearer token and, unless null, an {@code Idempotency-Key}. */
	static HttpResponse<String> post(String path, String body, String idempotencyKey, String bearer) {
		return send(jsonPost(path, body, idempotencyKey, bearer).build());
	}

	/** The request {@link #post} sends, for a test that sends it otherwise (e.g. many at once). */
	static HttpRequest.Builder jsonPost(String path, String body, String idempotencyKey, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(gateway(path))
			// A part killed by a test leaves a call waiting at most this long, never for ever.
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + bearer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return request;
	}

	/**
	 * Sends a request as a well-behaved client does: all test classes share the demo client's rate limit, so a 429 is
	 * waited out (the gateway's {@code Retry-After} is whole seconds, hence the one-second polls) and asked again.
	 */
	static HttpResponse<String> send(HttpRequest request) {
		AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
		await("an answer other than 429 to " + request.method() + " " + request.uri()).atMost(Duration.ofSeconds(60))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				answer.set(sendOnce(request));
				return answer.get().statusCode() != 429;
			});
		return answer.get();
	}

	/**
	 * A part's Prometheus scrape, as Prometheus reads it: its management port, {@code /actuator/prometheus}, no token.
	 */
	static String scrape(LocalPlatform platform, String part) {
		HttpResponse<String> scrape = send(
				HttpRequest.newBuilder(platform.managementUrl(part).resolve("/actuator/prometheus")).build());
		assertThat(scrape.statusCode()).as("%s's scrape", part).isEqualTo(200);
		return scrape.body();
	}

	/** The value of the first sample of the metric in a scrape (any labels). */
	static double gauge(String scrape, String name) {
		return scrape.lines()
			.filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " not in the scrape"));
	}

	private static HttpResponse<String> sendOnce(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
