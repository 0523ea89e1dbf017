package io.eventplatform.gateway.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS by configuration alone: a Boot SSL bundle named {@code gateway} and {@code server.ssl.bundle=gateway}. The
 * certificate is generated for the test by the JDK's keytool.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.ssl.bundle=gateway", "spring.ssl.bundle.jks.gateway.keystore.type=PKCS12",
				"spring.ssl.bundle.jks.gateway.keystore.password=" + TlsIntegrationTests.PASSWORD,
				"platform.security.signing-keys.store=target/test-data/tls-signing-keys.jwks",
				"spring.kafka.bootstrap-servers=127.0.0.1:1" })
class TlsIntegrationTests {

	static final String PASSWORD = "test-only-password";

	static final Path keyStore = generateCertificate();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keyStore(DynamicPropertyRegistry registry) {
		registry.add("spring.ssl.bundle.jks.gateway.keystore.location", () -> "file:" + keyStore.toAbsolutePath());
	}

	@Test
	void shouldServeTokensAndTheApiOverHttpsWithTheConfiguredCertificate() throws Exception {
		HttpClient client = HttpClient.newBuilder().sslContext(trusting(keyStore)).build();

		HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString("demo-client:demo-secret".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=users:read"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(base() + "/api/users")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.body()).contains("access_token");
		assertThat(api.statusCode()).isEqualTo(401);
		// Over HTTPS, browsers are told to never use plain HTTP for this host again.
		assertThat(api.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				value -> assertThat(value).contains("max-age="));
	}

	@Test
	void shouldRefuseAClientThatDoesNotTrustTheCertificate() {
		HttpClient client = HttpClient.newHttpClient();

		assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString()))
			.isInstanceOf(SSLHandshakeException.class);
	}

	private String base() {
		return "https://localhost:" + port;
	}

	private static SSLContext trusting(Path keyStoreFile) throws Exception {
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStoreFile)) {
			trusted.load(in, PASSWORD.toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	private static Path generateCertificate() {
		try {
			Path dir = Files.createDirectories(Path.of("target", "test-data"));
			Path file = dir.resolve("gateway-tls.p12");
			Files.deleteIfExists(file);
			Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
			Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "gateway",
					"-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
					"-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", file.toString(),
					"-storepass", PASSWORD, "-keypass", PASSWORD))
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("keytool failed: " + output);
			}
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
