package io.eventplatform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eventplatform.local.process.ServiceJvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PlatformPartsTests {

	final PlatformSettings settings = PlatformSettings.defaults(Path.of("/work/project"));

	@Test
	void startsTheBrokerAndTheMailServerFirstThenTheSixServicesTheGatewayAndTheConsole() {
		// When
		List<Part> parts = PlatformParts.of(settings);

		// Then
		assertThat(parts).extracting(Part::name, Part::stage)
			.containsExactly(tuple("kafka-broker", Part.Stage.INFRASTRUCTURE),
					tuple("mail-server", Part.Stage.INFRASTRUCTURE),
					tuple("registration-service", Part.Stage.APPLICATIONS),
					tuple("weather-ingest-service", Part.Stage.APPLICATIONS),
					tuple("transaction-service", Part.Stage.APPLICATIONS),
					tuple("notification-service", Part.Stage.APPLICATIONS),
					tuple("analytics-service", Part.Stage.APPLICATIONS),
					tuple("warehouse-service", Part.Stage.APPLICATIONS),
					tuple("gateway", Part.Stage.APPLICATIONS), tuple("console", Part.Stage.APPLICATIONS));
	}

	@Test
	void startsEachApplicationFromItsJarWithTheSameJavaAndASmallFootprint() {
		// When
		Part registration = PlatformParts.of(settings).get(2);

		// Then
		List<String> command = registration.command();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		assertThat(command).contains(java, "-XX:+UseSerialGC", "-Xmx256m", "-jar",
				"/work/project/registration-service/target/registration-service.jar");
		assertThat(command.indexOf(java)).isLessThan(command.indexOf("-jar"));
		assertThat(registration.requiredFiles())
			.containsExactly(Path.of("/work/project/registration-service/target/registration-service.jar"));
		assertThat(registration.ports()).containsExactly(8081, 9081);
	}

	@Test
	void putsEveryApplicationsActuatorOnItsOwnManagementPortOnLoopback() {
		// When
		List<Part> parts = PlatformParts.of(settings.withGatewayAddress("0.0.0.0"));

		// Then: 1000 above the application's port, on loopback even for a gateway that listens on every interface
		Part gateway = named(parts, "gateway");
		assertThat(gateway.command()).contains("--server.address=0.0.0.0", "--management.server.port=9080",
				"--management.server.address=127.0.0.1");
		assertThat(gateway.ports()).containsExactly(8080, 9080);
		assertThat(parts.get(2).command()).contains("--management.server.port=9081");
		assertThat(named(parts, "console").ports()).containsExactly(8087, 9087);
	}

	@Test
	void startsTheExtractedLayoutWithItsClassDataArchiveWhenTheBuildWroteThem(@TempDir Path project) throws IOException {
		// Given: the build wrote the jar, then the extracted layout, then the archive
		Path target = Files.createDirectories(project.resolve("registration-service/target/app")).getParent();
		Path jar = write(target.resolve("registration-service.jar"), 0);
		Path extracted = write(target.resolve("app/registration-service.jar"), 1);
		Path archive = write(target.resolve("app/registration-service.jsa"), 2);

		// When
		Part registration = PlatformParts.of(PlatformSettings.defaults(project)).get(2);

		// Then
		assertThat(registration.command()).contains("-XX:SharedArchiveFile=" + archive, "-XX:+UseSerialGC", "-jar",
				extracted.toString());
		assertThat(registration.command()).doesNotContain(jar.toString());
		assertThat(registration.requiredFiles()).containsExactly(extracted);
	}

	@Test
	void startsTheExtractedLayoutWithoutAnArchiveOlderThanIt(@TempDir Path project) throws IOException {
		// Given: an archive left from an earlier build
		List<String> command = registrationCommand(project, 1, 2, 0);

		// Then
		assertThat(command).contains("-jar", project.resolve("registration-service/target/app/registration-service.jar")
			.toString());
		assertThat(command).noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
	}

	@Test
	void startsTheExecutableJarWhenTheExtractedLayoutIsOlderThanIt(@TempDir Path project) throws IOException {
		// Given: a build with -Dplatform.app-cds.skip=true after one without
		List<String> command = registrationCommand(project, 2, 0, 1);

		// Then
		assertThat(command).contains("-jar", project.resolve("registration-service/target/registration-service.jar")
			.toString());
		assertThat(command).noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
	}

	@Test
	void runsTheApplicationsWithTheJdksDefaultJitAsTheImagesDo(@TempDir Path project) throws IOException {
		// When
		List<String> command = registrationCommand(project, 0, 1, 2);

		// Then: C2 as in production, not C1 only
		assertThat(command).noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"))
			.noneMatch(option -> option.startsWith("-XX:-TieredCompilation"));
	}

	@Test
	void prefersTheAotCacheOnAJdkThatHasOneAndTheArchiveOtherwise(@TempDir Path app) throws IOException {
		// Given: the layout, then the CDS archive and the AOT cache, both newer than it
		Path extracted = write(app.resolve("registration-service.jar"), 0);
		Path archive = write(app.resolve("registration-service.jsa"), 1);
		Path cache = write(app.resolve("registration-service.aot"), 2);

		// Then
		assertThat(PlatformParts.startupCache(cache, archive, extracted, true, false))
			.contains("-XX:AOTCache=" + cache)
			.noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
		assertThat(PlatformParts.startupCache(cache, archive, extracted, false, false))
			.contains("-XX:SharedArchiveFile=" + archive)
			.noneMatch(option -> option.startsWith("-XX:AOTCache"));
	}

	@Test
	void fallsBackToTheArchiveWhenTheAotCacheIsOlderThanTheLayout(@TempDir Path app) throws IOException {
		// Given: a cache trained for an earlier build
		Path cache = write(app.resolve("registration-service.aot"), 0);
		Path extracted = write(app.resolve("registration-service.jar"), 1);
		Path archive = write(app.resolve("registration-service.jsa"), 2);

		// Then
		assertThat(PlatformParts.startupCache(cache, archive, extracted, true, false))
			.contains("-XX:SharedArchiveFile=" + archive)
			.noneMatch(option -> option.startsWith("-XX:AOTCache"));
	}

	@Test
	void theTrainingRunWritesTheAotCacheWhateverIsThere(@TempDir Path app) throws IOException {
		// Given
		Path extracted = write(app.resolve("registration-service.jar"), 0);
		Path cache = write(app.resolve("registration-service.aot"), 1);

		// Then
		assertThat(PlatformParts.startupCache(cache, app.resolve("registration-service.jsa"), extracted, true, true))
			.contains("-XX:AOTCacheOutput=" + cache)
			.noneMatch(option -> option.startsWith("-XX:AOTCache="));
		assertThat(PlatformParts.startupCache(cache, app.resolve("registration-service.jsa"), extracted, true, true))
			.containsSubsequence(ServiceJvm.OPTIONS);
	}

	/** registration-service's command after the build wrote its files at the given minutes. */
	private static List<String> registrationCommand(Path project, int jarMinute, int extractedMinute, int archiveMinute)
			throws IOException {
		Path target = Files.createDirectories(project.resolve("registration-service/target/app")).getParent();
		write(target.resolve("registration-service.jar"), jarMinute);
		write(target.resolve("app/registration-service.jar"), extractedMinute);
		write(target.resolve("app/registration-service.jsa"), archiveMinute);
		return PlatformParts.of(PlatformSettings.defaults(project)).get(2).command();
	}

	private static Path write(Path file, int minutesLater) throws IOException {
		Files.writeString(file, file.getFileName().toString());
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-22T10:00:00Z").plusSeconds(60L * minutesLater)));
		return file;
	}

	@Test
	void givesTheConsoleTheLocalPrometheusWhenItRuns() {
		// When
		List<String> withPrometheus = PlatformParts.applicationArguments(settings, application(settings, 8087), true);
		List<String> without = PlatformParts.applicationArguments(settings, application(settings, 8087), false);

		// Then
		assertThat(withPrometheus).contains("--platform.console.prometheus-uri=http://127.0.0.1:9090");
		assertThat(without).noneMatch(argument -> argument.startsWith("--platform.console.prometheus-uri"));
	}

	@Test
	void givesEveryApplicationTheAddressesOfTheBrokerTheMailServerTheIssuerAndEachService() {
		// When
		List<String> arguments = PlatformParts.applicationArguments(settings, application(settings, 8083), false);

		// Then
		assertThat(arguments).containsExactly("--server.port=8083", "--server.address=127.0.0.1",
				"--management.server.port=9083", "--management.server.address=127.0.0.1",
				"--management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]=false",
				"--spring.kafka.bootstrap-servers=127.0.0.1:9092", "--platform.kafka.replication-factor=1",
				"--platform.data-dir=/work/project/data", "--platform.security.issuer-uri=http://localhost:8080",
				"--platform.security.clients.console.redirect-uris=http://127.0.0.1:8080/console/login/oauth2/code/platform,"
						+ "http://localhost:8080/console/login/oauth2/code/platform",
				"--platform.console.gateway-uri=http://127.0.0.1:8080",
				"--platform.console.gateway-public-uri=http://127.0.0.1:8080",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=3025",
				"--platform.gateway.services.registration=http://127.0.0.1:8081",
				"--platform.console.parts.registration-service.readiness-uri=http://127.0.0.1:9081/actuator/health/readiness",
				"--platform.gateway.services.weather-ingest=http://127.0.0.1:8082",
				"--platform.console.parts.weather-ingest-service.readiness-uri=http://127.0.0.1:9082/actuator/health/readiness",
				"--platform.gateway.services.transaction=http://127.0.0.1:8083",
				"--platform.console.parts.transaction-service.readiness-uri=http://127.0.0.1:9083/actuator/health/readiness",
				"--platform.gateway.services.notification=http://127.0.0.1:8084",
				"--platform.console.parts.notification-service.readiness-uri=http://127.0.0.1:9084/actuator/health/readiness",
				"--platform.gateway.services.analytics=http://127.0.0.1:8085",
				"--platform.console.parts.analytics-service.readiness-uri=http://127.0.0.1:9085/actuator/health/readiness",
				"--platform.gateway.services.warehouse=http://127.0.0.1:8086",
				"--platform.console.parts.warehouse-service.readiness-uri=http://127.0.0.1:9086/actuator/health/readiness",
				"--platform.console.parts.gateway.readiness-uri=http://127.0.0.1:9080/actuator/health/readiness",
				"--platform.gateway.services.console=http://127.0.0.1:8087");
	}

	@Test
	void bindsEveryApplicationToTheLoopbackInterfaceByDefault() {
		// When
		List<Part> parts = PlatformParts.of(settings);

		// Then
		assertThat(parts.subList(2, parts.size())).allSatisfy(part -> assertThat(part.command())
			.contains("--server.address=127.0.0.1")
			.doesNotContain("--platform.security.refuse-development-secrets=true"));
	}

	@Test
	void exposesOnlyTheGatewayWhenToldToAndThenItRefusesTheDevelopmentSecrets() {
		// Given
		PlatformSettings exposed = settings.withGatewayAddress("0.0.0.0");

		// When
		List<Part> parts = PlatformParts.of(exposed);

		// Then
		Part gateway = named(parts, "gateway");
		assertThat(gateway.command()).contains("--server.address=0.0.0.0",
				"--platform.security.refuse-development-secrets=true");
		assertThat(parts.subList(2, parts.size()).stream().filter(part -> part != gateway))
			.allSatisfy(part -> assertThat(part.command())
			.contains("--server.address=127.0.0.1")
			.doesNotContain("--platform.security.refuse-development-secrets=true"));
	}

	@Test
	void runsTheBrokerAndTheMailServerFromTheLaunchersOwnClassPath() {
		// When
		List<Part> parts = PlatformParts.of(settings);

		// Then
		assertThat(parts.get(0).command()).contains(System.getProperty("java.class.path"),
				"io.eventplatform.local.kafka.KafkaBrokerProcess", "--port=9092", "--controller-port=9093",
				"--directory=/work/project/data/kafka");
		assertThat(parts.get(1).command()).contains(System.getProperty("java.class.path"),
				"io.eventplatform.local.mail.MailServerProcess", "--smtp-port=3025", "--api-port=8025");
	}

	@Test
	void runsThreeKafkaNodesTogetherAndGivesTheServicesAllOfThemAndReplicationFactorThree() {
		// Given
		PlatformSettings cluster = settings.withBrokers(3);

		// When
		List<Part> parts = PlatformParts.of(cluster);

		// Then
		assertThat(parts.subList(0, 4)).extracting(Part::name, Part::stage)
			.containsExactly(tuple("kafka-broker-1", Part.Stage.INFRASTRUCTURE),
					tuple("kafka-broker-2", Part.Stage.INFRASTRUCTURE),
					tuple("kafka-broker-3", Part.Stage.INFRASTRUCTURE), tuple("mail-server", Part.Stage.INFRASTRUCTURE));
		assertThat(parts.get(2).command()).contains("--node-id=3", "--port=9096", "--controller-port=9097",
				"--voters=1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097", "--replication-factor=3",
				"--min-insync-replicas=2", "--directory=/work/project/data/kafka-cluster/node-3");
		assertThat(PlatformParts.applicationArguments(cluster, application(cluster, 8083))).contains(
				"--spring.kafka.bootstrap-servers=127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096",
				"--platform.kafka.replication-factor=3");
	}

	private static PlatformSettings.Application application(PlatformSettings settings, int port) {
		return settings.applications().stream().filter(application -> application.port() == port).findFirst().orElseThrow();
	}

	private static Part named(List<Part> parts, String name) {
		return parts.stream().filter(part -> part.name().equals(name)).findFirst().orElseThrow();
	}

}
