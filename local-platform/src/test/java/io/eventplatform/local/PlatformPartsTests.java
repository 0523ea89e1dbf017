package io.eventplatform.local;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PlatformPartsTests {

	final PlatformSettings settings = PlatformSettings.defaults(Path.of("/work/project"));

	@Test
	void startsTheBrokerAndTheMailServerFirstThenTheFiveServicesAndTheGateway() {
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
					tuple("gateway", Part.Stage.APPLICATIONS));
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
		assertThat(registration.ports()).containsExactly(8081);
	}

	@Test
	void givesEveryApplicationTheAddressesOfTheBrokerTheMailServerTheIssuerAndEachService() {
		// When
		List<String> arguments = PlatformParts.applicationArguments(settings, 8083);

		// Then
		assertThat(arguments).containsExactly("--server.port=8083", "--spring.kafka.bootstrap-servers=127.0.0.1:9092",
				"--platform.data-dir=/work/project/data", "--platform.security.issuer-uri=http://localhost:8080",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=3025",
				"--platform.gateway.services.registration=http://127.0.0.1:8081",
				"--platform.gateway.services.weather-ingest=http://127.0.0.1:8082",
				"--platform.gateway.services.transaction=http://127.0.0.1:8083",
				"--platform.gateway.services.notification=http://127.0.0.1:8084",
				"--platform.gateway.services.analytics=http://127.0.0.1:8085");
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

}
