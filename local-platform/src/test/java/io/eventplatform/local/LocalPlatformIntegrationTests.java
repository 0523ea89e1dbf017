package io.eventplatform.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.eventplatform.local.PlatformSettings.Application;
import io.eventplatform.local.process.JavaCommand;
import io.eventplatform.local.process.Readiness;
import io.eventplatform.local.standin.CrashingApplication;
import io.eventplatform.local.standin.HangingApplication;
import io.eventplatform.local.standin.StandInApplication;
import io.eventplatform.local.standin.StandInJars;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor with stand-ins for the real parts: a "broker" that takes a second to open its port, and services
 * started from jars at the paths the launcher uses, which (like the real ones) fail if the broker is not up yet.
 */
class LocalPlatformIntegrationTests {

	@TempDir
	Path temp;

	Path projectDir;

	PlatformSettings settings;

	ByteArrayOutputStream console = new ByteArrayOutputStream();

	@BeforeEach
	void setUp() {
		projectDir = temp.resolve("project");
		settings = PlatformSettings.onFreePorts(projectDir, temp.resolve("data"));
	}

	@Test
	void startsTheInfrastructureBeforeTheApplicationsAndReportsEachPartAsItBecomesReady() throws Exception {
		// Given
		StandInJars.write(projectDir, "registration-service", StandInApplication.class);
		StandInJars.write(projectDir, "gateway", StandInApplication.class);

		// When
		try (LocalPlatform platform = start(slowBroker(), application("registration-service"), application("gateway"))) {

			// Then
			String output = output();
			assertThat(output.indexOf("✔ stand-in broker")).isNotNegative()
				.isLessThan(output.indexOf("✔ registration-service"))
				.isLessThan(output.indexOf("✔ gateway"));
			assertThat(statusOf(platform.managementUrl("gateway").resolve("/actuator/health/readiness"))).isEqualTo(200);
			assertThat(events()).anySatisfy(event -> assertThat(event).startsWith("started registration-service ")
				.contains("--server.port=" + settings.registrationPort(),
						"--spring.kafka.bootstrap-servers=127.0.0.1:" + settings.kafkaPort(),
						"--platform.data-dir=" + settings.dataDir(),
						"--platform.gateway.services.registration=http://127.0.0.1:" + settings.registrationPort()));
			assertThat(settings.logFile("registration-service")).content().contains("registration-service: ready");
		}
	}

	@Test
	void stopsTheApplicationsBeforeTheInfrastructureAndLeavesNoProcessRunning() {
		// Given
		StandInJars.write(projectDir, "registration-service", StandInApplication.class);
		StandInJars.write(projectDir, "gateway", StandInApplication.class);
		LocalPlatform platform = start(slowBroker(), application("registration-service"), application("gateway"));

		// When
		platform.close();

		// Then
		List<String> events = events();
		assertThat(events.indexOf("stopped stand-in broker")).isGreaterThan(events.indexOf("stopped gateway"))
			.isGreaterThan(events.indexOf("stopped registration-service"));
		assertThat(startedPids()).hasSize(3).noneMatch(LocalPlatformIntegrationTests::isAlive);
	}

	@Test
	void reportsAPartThatEndsOnItsOwnButNotOneStoppedOnPurpose() {
		// Given
		StandInJars.write(projectDir, "registration-service", StandInApplication.class);
		StandInJars.write(projectDir, "gateway", StandInApplication.class);
		try (LocalPlatform platform = start(slowBroker(), application("registration-service"), application("gateway"))) {
			long registration = pidOf("registration-service");

			// When: the gateway is stopped through the platform, registration-service dies on its own
			platform.stopPart("gateway");
			ProcessHandle.of(registration).orElseThrow().destroyForcibly();

			// Then
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(output()).contains("✖ registration-service exited with code 137"));
			assertThat(output()).contains("■ stopped gateway").doesNotContain("gateway exited");
		}
	}

	@Test
	void failsWithTheLogTailOfAnApplicationThatExitsDuringStartUpAndStopsTheOthers() {
		// Given
		StandInJars.write(projectDir, "registration-service", CrashingApplication.class);
		StandInJars.write(projectDir, "gateway", StandInApplication.class);

		// When / Then
		assertThatThrownBy(() -> start(slowBroker(), application("registration-service"), application("gateway")))
			.isInstanceOfSatisfying(PlatformStartupException.class, failure -> {
				assertThat(failure.part()).isEqualTo("registration-service");
				assertThat(failure.getMessage()).contains("registration-service exited with code 1 during start-up",
						"APPLICATION FAILED TO START: simulated start-up failure");
				assertThat(failure.logTail()).containsExactly("Starting application",
						"APPLICATION FAILED TO START: simulated start-up failure");
			});
		assertThat(startedPids()).isNotEmpty().noneMatch(LocalPlatformIntegrationTests::isAlive);
	}

	@Test
	void failsWhenAnApplicationIsNotReadyInTime() {
		// Given
		settings = settings.withStartupTimeout(Duration.ofSeconds(4));
		StandInJars.write(projectDir, "gateway", HangingApplication.class);

		// When / Then
		assertThatThrownBy(() -> start(slowBroker(), application("gateway")))
			.isInstanceOfSatisfying(PlatformStartupException.class, failure -> {
				assertThat(failure.getMessage()).contains("gateway was not ready within 4 s (last check: GET http://127.0.0.1:"
						+ settings.monitoring().management().get(6) + "/actuator/health/readiness failed");
				assertThat(failure.logTail()).containsExactly("Waiting for something that never comes");
			});
		assertThat(startedPids()).hasSize(1).noneMatch(LocalPlatformIntegrationTests::isAlive);
	}

	@Test
	void refusesToStartAnythingWhenAServiceJarIsMissing() {
		// Given no jar for registration-service

		// When / Then
		assertThatThrownBy(() -> start(slowBroker(), application("registration-service")))
			.isInstanceOf(PlatformStartupException.class)
			.hasMessageContaining(projectDir.resolve("registration-service/target/registration-service.jar").toString())
			.hasMessageContaining("./mvnw -B -DskipTests install");
		assertThat(settings.logsDir()).doesNotExist();
	}

	@Test
	void refusesToStartAnythingWhenAPortIsAlreadyInUse() throws IOException {
		// Given
		StandInJars.write(projectDir, "gateway", StandInApplication.class);
		try (ServerSocket taken = new ServerSocket(settings.gatewayPort(), 1, InetAddress.getLoopbackAddress())) {

			// When / Then
			assertThatThrownBy(() -> start(slowBroker(), application("gateway")))
				.isInstanceOf(PlatformStartupException.class)
				.hasMessageContaining("port " + settings.gatewayPort() + " is in use");
			assertThat(settings.logsDir()).doesNotExist();
		}
	}

	private LocalPlatform start(Part... parts) {
		return LocalPlatform.start(settings, List.of(parts), new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC());
	}

	/** Stands in for the broker: opens its port only after a second, so an application started early would fail. */
	private Part slowBroker() {
		List<String> command = JavaCommand.mainClass(List.of("-Xmx32m"), StandInApplication.class,
				List.of("--name=stand-in broker", "--server.port=" + settings.kafkaPort(),
						"--platform.data-dir=" + settings.dataDir(), "--start-delay-ms=1000"));
		Readiness readiness = Readiness
			.httpOk(URI.create("http://127.0.0.1:" + settings.kafkaPort() + "/actuator/health/readiness"));
		return new Part("stand-in-broker", "stand-in broker", "127.0.0.1:" + settings.kafkaPort(),
				Part.Stage.INFRASTRUCTURE, command, readiness, List.of(settings.kafkaPort()), List.of());
	}

	private Part application(String name) {
		Application application = settings.applications()
			.stream()
			.filter(candidate -> candidate.name().equals(name))
			.findFirst()
			.orElseThrow();
		return PlatformParts.application(settings, application);
	}

	private String output() {
		return console.toString(StandardCharsets.UTF_8);
	}

	private List<String> events() {
		try {
			return Files.readAllLines(settings.dataDir().resolve("stand-in-events.log"));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private List<Long> startedPids() {
		return events().stream()
			.filter(event -> event.startsWith("started "))
			.map(event -> event.replaceFirst("^started (stand-in broker|[a-z-]+) (\\d+) .*$", "$2"))
			.map(Long::valueOf)
			.toList();
	}

	private long pidOf(String name) {
		return events().stream()
			.filter(event -> event.startsWith("started " + name + " "))
			.map(event -> Long.valueOf(event.split(" ")[2]))
			.findFirst()
			.orElseThrow();
	}

	private static int statusOf(URI uri) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static boolean isAlive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

}
