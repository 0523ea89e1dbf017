package io.eventplatform.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalPlatformTests {

	@TempDir
	Path temp;

	@Test
	void tellsWhereEachPartCanBeReached() {
		// Given
		PlatformSettings settings = PlatformSettings.onFreePorts(temp, temp.resolve("data"));

		// When
		try (LocalPlatform platform = LocalPlatform.start(settings, List.of(), new PrintStream(new ByteArrayOutputStream()), Clock.systemUTC())) {

			// Then
			assertThat(platform.gatewayUrl()).isEqualTo(URI.create("http://localhost:" + settings.gatewayPort()));
			assertThat(platform.kafkaBootstrapServers()).isEqualTo("127.0.0.1:" + settings.kafkaPort());
			assertThat(platform.mailApiUrl()).isEqualTo(URI.create("http://127.0.0.1:" + settings.mailApiPort()));
			assertThat(platform.smtpPort()).isEqualTo(settings.smtpPort());
			assertThat(platform.serviceUrl("registration-service"))
				.isEqualTo(URI.create("http://127.0.0.1:" + settings.registrationPort()));
			assertThat(platform.serviceUrl("weather-ingest"))
				.isEqualTo(URI.create("http://127.0.0.1:" + settings.weatherIngestPort()));
			assertThat(platform.serviceUrl("analytics-service"))
				.isEqualTo(URI.create("http://127.0.0.1:" + settings.analyticsPort()));
			assertThat(platform.serviceUrl("warehouse"))
				.isEqualTo(URI.create("http://127.0.0.1:" + settings.warehousePort()));
			assertThatIllegalArgumentException().isThrownBy(() -> platform.serviceUrl("billing-service"))
				.withMessageContaining("registration-service");
		}
	}

	@Test
	void summarisesTheGatewayTheClientsTheLogsTheMailAndAFirstRequest() {
		// Given
		PlatformSettings settings = PlatformSettings.defaults(temp);

		// When
		try (LocalPlatform platform = LocalPlatform.start(settings, List.of(), new PrintStream(new ByteArrayOutputStream()), Clock.systemUTC())) {
			String summary = String.join("\n", StartupSummary.lines(platform));

			// Then
			assertThat(summary).contains("http://localhost:8080", "demo-client / demo-secret",
					"platform-admin / admin-secret", temp.resolve("data/logs") + "/<part>.log",
					"curl -s http://localhost:8025/messages",
					"curl -s -u demo-client:demo-secret -d grant_type=client_credentials http://localhost:8080/oauth2/token",
					"http://localhost:8080/api/users");
		}
	}

}
