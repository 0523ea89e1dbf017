package io.eventplatform.console;

import static io.eventplatform.console.People.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The metrics page against a real Prometheus (Debian's {@code prometheus}, as {@code ./run.sh} runs it) that scrapes a
 * small metrics endpoint of the test's, serving series of known shape under the names the platform's applications
 * export: the page must show the percentiles and shares Prometheus computes from them. Then Prometheus stops, and the
 * page says so while the rest of the console works. Skipped where Prometheus is not installed, unless
 * {@code -Dmonitoring.tools.required=true} (CI) makes that a failure.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:console-metrics;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"management.server.port=0", "platform.console.sampling.interval=1h" })
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsPageIntegrationTests {

	/** Scrapes so far: every counter grows by a fixed amount each scrape, so rates keep fixed ratios. */
	private static final AtomicLong scrapes = new AtomicLong();

	private static final HttpServer exporter = exporter();

	private static final int prometheusPort = freePort();

	private static Process prometheus;

	@DynamicPropertySource
	static void prometheus(DynamicPropertyRegistry registry) {
		registry.add("platform.console.prometheus-uri", () -> "http://127.0.0.1:" + prometheusPort);
	}

	/** Before the context: a test aborted here is skipped, not an error. */
	@BeforeAll
	static void startPrometheus() throws Exception {
		Path binary = prometheusBinary();
		Path directory = Files.createTempDirectory("console-prometheus");
		Path configuration = Files.writeString(directory.resolve("prometheus.yml"), """
				global:
				  scrape_interval: 1s
				scrape_configs:
				  - job_name: test-exporter
				    static_configs:
				      - targets: ["127.0.0.1:%d"]
				""".formatted(exporter.getAddress().getPort()));
		prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + configuration,
				"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("prometheus.log").toFile())
			.start();
	}

	@AfterAll
	static void stop() throws Exception {
		exporter.stop(0);
		if (prometheus != null) {
			prometheus.destroy();
			prometheus.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Autowired
	MockMvc mvc;

	@Test
	@Order(1)
	void shouldShowTheLatencyPercentilesAndErrorSharesPrometheusComputesFromTheApplicationsSeries() {
		// Given a Prometheus that has scraped the series a few times (rates need two samples)
		awaitReady();

		// When / Then: the percentiles within the one bucket every observation fell in, interpolated linearly
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String page = page("/metrics");
			assertThat(row(page, "data-topic=\"users.registered\"")).contains("750 ms", "975 ms", "995 ms");
			assertThat(row(page, "data-application=\"test-service\"", "http-latency")).contains("150 ms", "195 ms", "199 ms");
			assertThat(row(page, "data-application=\"test-service\"", "errors")).contains("25.0 %")
				.containsPattern("listener-errors\">0\\.[0-9]*[1-9][0-9]*/s")
				.containsPattern("publish-failures\">0\\.[0-9]*[1-9][0-9]*/s");
			assertThat(row(page, "data-topic=\"transactions.recorded\"", "events-in")).containsPattern("rate\">[1-9]");
			assertThat(page).doesNotContain("web-route-minute-changelog");
			assertThat(page).contains("id=\"rates\"").contains("\"e2e:users.registered\"");
		});
	}

	@Test
	@Order(2)
	void shouldSayPlainlyThatPrometheusIsNotReachableOnceItStoppedWhileTheRestOfTheConsoleWorks() throws Exception {
		// Given
		prometheus.destroy();
		assertThat(prometheus.waitFor(10, TimeUnit.SECONDS)).isTrue();

		// When
		String page = page("/metrics");

		// Then
		assertThat(page).contains("data-test=\"metrics-unavailable\"")
			.contains("Prometheus at http://127.0.0.1:" + prometheusPort + " did not answer")
			.doesNotContain("Exception", "at io.eventplatform");
		page("/");
		page("/groups");
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(viewer())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	/** The table row carrying {@code marker}, in the table {@code table} (data-test) if given. */
	private static String row(String page, String marker, String... table) {
		String scope = page;
		if (table.length > 0) {
			int start = page.indexOf("data-test=\"" + table[0] + "\"");
			assertThat(start).as("table %s", table[0]).isNotNegative();
			scope = page.substring(start, page.indexOf("</table>", start));
		}
		Matcher matcher = Pattern.compile("<tr " + Pattern.quote(marker) + ">(.*?)</tr>", Pattern.DOTALL).matcher(scope);
		assertThat(matcher.find()).as("row %s in %s", marker, scope).isTrue();
		return matcher.group(1);
	}

	private static void awaitReady() {
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			try {
				return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheusPort + "/-/ready")).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException notYet) {
				return false;
			}
		});
	}

	/**
	 * Per scrape: 4 end-to-end observations between 0.5 s and 1 s; 3 HTTP 200s and one 500, all between 0.1 s and
	 * 0.2 s; one listener error, one publish failure, 100 records appended.
	 */
	private static String metrics(long n) {
		return """
				# TYPE platform_events_end_to_end_seconds histogram
				platform_events_end_to_end_seconds_bucket{application="test-service",topic="users.registered",le="0.5"} 0
				platform_events_end_to_end_seconds_bucket{application="test-service",topic="users.registered",le="1.0"} %1$d
				platform_events_end_to_end_seconds_bucket{application="test-service",topic="users.registered",le="+Inf"} %1$d
				platform_events_end_to_end_seconds_count{application="test-service",topic="users.registered"} %1$d
				# TYPE http_server_requests_seconds histogram
				http_server_requests_seconds_bucket{application="test-service",status="200",uri="/api/x",le="0.1"} 0
				http_server_requests_seconds_bucket{application="test-service",status="200",uri="/api/x",le="0.2"} %2$d
				http_server_requests_seconds_bucket{application="test-service",status="200",uri="/api/x",le="+Inf"} %2$d
				http_server_requests_seconds_count{application="test-service",status="200",uri="/api/x"} %2$d
				http_server_requests_seconds_bucket{application="test-service",status="500",uri="/api/x",le="0.1"} 0
				http_server_requests_seconds_bucket{application="test-service",status="500",uri="/api/x",le="0.2"} %3$d
				http_server_requests_seconds_bucket{application="test-service",status="500",uri="/api/x",le="+Inf"} %3$d
				http_server_requests_seconds_count{application="test-service",status="500",uri="/api/x"} %3$d
				# TYPE spring_kafka_listener_seconds summary
				spring_kafka_listener_seconds_count{application="test-service",error="none",spring_kafka_listener_id="l"} %2$d
				spring_kafka_listener_seconds_count{application="test-service",error="IllegalStateException",spring_kafka_listener_id="l"} %3$d
				# TYPE platform_events_publish_failures_total counter
				platform_events_publish_failures_total{application="test-service",topic="users.registered"} %3$d
				# TYPE kafka_topic_partition_current_offset gauge
				kafka_topic_partition_current_offset{topic="transactions.recorded",partition="0"} %4$d
				kafka_topic_partition_current_offset{topic="analytics-service-web-route-minute-changelog",partition="0"} %4$d
				""".formatted(4 * n, 3 * n, n, 100 * n);
	}

	private static HttpServer exporter() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/metrics", exchange -> {
				byte[] body = metrics(scrapes.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** prometheus from the PATH; skipped (or, with monitoring.tools.required=true, failed) without it. */
	private static Path prometheusBinary() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir.isEmpty() ? "." : dir, "prometheus");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		String missing = "Prometheus is not installed, so the console's metrics page was not tested against it: "
				+ "apt-get install prometheus";
		if (Boolean.getBoolean("monitoring.tools.required")) {
			fail(missing + " (monitoring.tools.required=true)");
		}
		return abort(missing);
	}
}
