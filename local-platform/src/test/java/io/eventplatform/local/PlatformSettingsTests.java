package io.eventplatform.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.eventplatform.local.kafka.KafkaCluster;
import io.eventplatform.local.monitoring.MonitoringSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class PlatformSettingsTests {

	@Test
	void defaultsToTheDocumentedPortsAndADataDirectoryInTheProject() {
		// When
		PlatformSettings settings = PlatformSettings.defaults(Path.of("/work/project"));

		// Then
		assertThat(settings.dataDir()).isEqualTo(Path.of("/work/project/data"));
		assertThat(List.of(settings.kafkaPort(), settings.kafkaControllerPort(), settings.smtpPort(),
				settings.mailApiPort(), settings.gatewayPort(), settings.registrationPort(),
				settings.weatherIngestPort(), settings.transactionPort(), settings.notificationPort(),
				settings.analyticsPort(), settings.warehousePort(), settings.consolePort()))
			.containsExactly(9092, 9093, 3025, 8025, 8080, 8081, 8082, 8083, 8084, 8085, 8086, 8087);
		assertThat(settings.logFile("kafka-broker")).isEqualTo(Path.of("/work/project/data/logs/kafka-broker.log"));
	}

	@Test
	void choosesDistinctPortsThatAreFreeForTests() {
		// When
		PlatformSettings settings = PlatformSettings.onFreePorts(Path.of("project"), Path.of("data"));

		// Then
		List<Integer> ports = Stream.of(settings.kafkaPort(), settings.kafkaControllerPort(), settings.smtpPort(),
				settings.mailApiPort(), settings.gatewayPort(), settings.registrationPort(),
				settings.weatherIngestPort(), settings.transactionPort(), settings.notificationPort(),
				settings.analyticsPort(), settings.warehousePort(), settings.consolePort())
			.toList();
		assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> {
			try (ServerSocket socket = new ServerSocket(port)) {
				assertThat(socket.isBound()).isTrue();
			}
			catch (IOException ex) {
				throw new AssertionError("port " + port + " is not free", ex);
			}
		});
		assertThat(settings.projectDir()).isAbsolute();
		assertThat(settings.dataDir()).isAbsolute();
	}

	@Test
	void rejectsTwoPartsOnOnePort() {
		PlatformSettings settings = PlatformSettings.defaults(Path.of("project"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PlatformSettings(settings.projectDir(), settings.dataDir(), 9092, 9093, 3025, 8025,
					8080, 8080, 8082, 8083, 8084, 8085, 8086, 8087, Duration.ofMinutes(1), PlatformSettings.LOOPBACK,
					List.of(), MonitoringSettings.defaults()))
			.withMessageContaining("port of its own");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PlatformSettings(settings.projectDir(), settings.dataDir(), 9092, 9093, 3025, 8025,
					8080, 8081, 8082, 8083, 8084, 8085, 8086, 8087, Duration.ofMinutes(1), PlatformSettings.LOOPBACK,
					List.of(9094, 9095, 8025, 9097), MonitoringSettings.defaults()))
			.withMessageContaining("port of its own");
	}

	@Test
	void putsTheNodesOfAClusterOfThreeOnTheFourPortsAfterTheFirstNodesAndTheirDataApart() {
		PlatformSettings cluster = PlatformSettings.defaults(Path.of("/work/project")).withBrokers(3);

		assertThat(cluster.kafka().nodes()).extracting(KafkaCluster.Node::port, KafkaCluster.Node::controllerPort)
			.containsExactly(tuple(9092, 9093), tuple(9094, 9095), tuple(9096, 9097));
		assertThat(cluster.kafka().directory()).isEqualTo(Path.of("/work/project/data/kafka-cluster"));
		assertThat(cluster.withBrokers(1).kafka().nodes()).hasSize(1);
		assertThat(cluster.withBrokers(1).kafka().directory()).isEqualTo(Path.of("/work/project/data/kafka"));
		assertThatIllegalArgumentException().isThrownBy(() -> cluster.withBrokers(2))
			.withMessage("--brokers must be 1 or 3, not 2");
	}

	@Test
	void replacesOnlyTheDataDirectory() {
		// Given
		PlatformSettings settings = PlatformSettings.defaults(Path.of("/work/project"));

		// When
		PlatformSettings elsewhere = settings.withDataDir(Path.of("/tmp/platform-data"));

		// Then
		assertThat(elsewhere.dataDir()).isEqualTo(Path.of("/tmp/platform-data"));
		assertThat(elsewhere.withDataDir(settings.dataDir())).isEqualTo(settings);
	}

	@Test
	void keepsTheGatewayOnTheLoopbackInterfaceUnlessToldOtherwise() {
		// Given
		PlatformSettings settings = PlatformSettings.defaults(Path.of("/work/project"));

		// Then
		assertThat(settings.gatewayAddress()).isEqualTo("127.0.0.1");
		assertThat(settings.gatewayExposed()).isFalse();
		assertThat(settings.withGatewayAddress("0.0.0.0").gatewayExposed()).isTrue();
		assertThat(settings.withGatewayAddress("0.0.0.0").gatewayHost()).isEqualTo("127.0.0.1");
		assertThat(settings.withGatewayAddress("192.0.2.7").gatewayHost()).isEqualTo("192.0.2.7");
		assertThat(settings.withGatewayAddress("::1").gatewayExposed()).isFalse();
	}

	@Test
	void acceptsOnlyAnIpAddressToListenOn() {
		PlatformSettings settings = PlatformSettings.defaults(Path.of("/work/project"));

		assertThatIllegalArgumentException().isThrownBy(() -> settings.withGatewayAddress("example.com"))
			.withMessageContaining("must be an IP address");
	}

}
