package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.local.LocalPlatform;
import io.eventplatform.support.security.ForgedTokens;

/**
 * The security promises of the running platform, with real tokens from the gateway's token endpoint: forged tokens
 * are refused by the gateway and by a service called directly (bypassing the gateway), the audience is the
 * platform's, a client restricted to accounts cannot read another's, and the sensitive actuator endpoints are closed.
 */
@ExtendWith(Platform.class)
@Order(30)
class SecurityEndToEndTests {

	static LocalPlatform platform;

	static ForgedTokens forged;

	@BeforeAll
	static void forgeWithTheGatewaysOwnKey() throws Exception {
		platform = Platform.get();
		// The gateway keeps its signing keys under the data directory: forging with the real key proves each claim
		// check on its own, not only the signature check.
		JWKSet keys = JWKSet.parse(
				Files.readString(platform.settings().dataDir().resolve("gateway").resolve("signing-keys.jwks")));
		forged = new ForgedTokens((RSAKey) keys.getKeys().get(0), issuer(), "event-platform");
	}

	@Test
	void shouldIssueTokensForThePlatformAudienceThatTheGatewayAndTheServicesAccept() throws Exception {
		String token = Platform.token("demo-client", "demo-secret");

		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getAudience()).containsExactly("event-platform");
		assertThat(get(Platform.gateway("/api/transactions?accountId=ACC-E2E"), token).statusCode()).isEqualTo(200);
		assertThat(get(service("transaction-service", "/api/transactions?accountId=ACC-E2E"), token).statusCode())
			.isEqualTo(200);
		assertThat(get(service("transaction-service", "/api/transactions?accountId=ACC-E2E"), forged.valid())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRefuseForgedTokensAtTheGatewayAndAtEveryServiceCalledDirectly() {
		Map<String, String> forgeries = new LinkedHashMap<>();
		forgeries.put("no token", null);
		forgeries.put("expired beyond the clock skew", forged.expired(Duration.ofSeconds(90)));
		forgeries.put("signed by another key", forged.signedByAnotherKey());
		forgeries.put("alg none", forged.unsigned());
		forgeries.put("HS256 signed with the public key", forged.hmacSignedWithThePublicKey());
		forgeries.put("wrong issuer", forged.wrongIssuer());
		forgeries.put("wrong audience", forged.wrongAudience());
		Map<URI, String> targets = new LinkedHashMap<>();
		targets.put(Platform.gateway("/api/transactions?accountId=ACC-E2E"), "gateway");
		targets.put(service("transaction-service", "/api/transactions?accountId=ACC-E2E"), "transaction-service");
		targets.put(service("registration-service", "/api/users/00000000-0000-0000-0000-000000000000"),
				"registration-service");

		forgeries.forEach((forgery, token) -> targets.forEach((uri, part) -> assertThat(get(uri, token).statusCode())
			.as("%s at %s", forgery, part)
			.isEqualTo(401)));
	}

	@Test
	void shouldKeepAClientRestrictedToItsAccountsAwayFromOtherAccounts() {
		String ledger = Platform.token("ledger-client", "ledger-secret");

		// A read is safe to repeat: on a loaded machine the first one may meet the gateway's read timeout (504).
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(get(Platform.gateway("/api/transactions?accountId=ACC-1001"), ledger)
				.statusCode()).isEqualTo(200));
		HttpResponse<String> other = get(Platform.gateway("/api/transactions?accountId=ACC-9999"), ledger);
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.body()).doesNotContain("\"content\"");
		assertThat(get(service("transaction-service", "/api/transactions?accountId=ACC-9999"), ledger).statusCode())
			.isEqualTo(403);
	}

	@Test
	void shouldLetOnlyTheAccountsOwnerManageItsSecurityContacts() {
		String ledger = Platform.token("ledger-client", "ledger-secret");
		String demo = Platform.token("demo-client", "demo-secret");
		String contact = "{\"email\":\"ledger-security@example.com\",\"accountId\":\"ACC-1001\"}";
		String contacts = "/api/notifications/subscriptions?accountId=ACC-1001";

		// Subscribing twice is harmless (200), so the call is safe to repeat after a timeout at the gateway.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(post(Platform.gateway("/api/notifications/subscriptions"), contact, ledger)
				.statusCode()).isIn(200, 201));
		HttpResponse<String> taken = post(Platform.gateway("/api/notifications/subscriptions"), contact, demo);
		HttpResponse<String> listed = get(Platform.gateway(contacts), demo);

		assertThat(taken.statusCode()).isEqualTo(403);
		assertThat(taken.body()).contains("\"rule\":\"AccountOwner\"");
		assertThat(listed.statusCode()).isEqualTo(403);
		assertThat(listed.body()).doesNotContain("ledger-security@example.com");
		assertThat(get(service("notification-service", contacts), demo).statusCode()).isEqualTo(403);
		assertThat(get(Platform.gateway(contacts), ledger).body()).contains("ledger-security@example.com");
	}

	@Test
	void shouldKeepSensitiveActuatorEndpointsClosedWithoutAdministration() {
		String demo = Platform.token("demo-client", "demo-secret");
		for (String endpoint : List.of("/actuator/env", "/actuator/heapdump", "/actuator/beans")) {
			// The management ports too, where only health and /actuator/prometheus need no token.
			for (URI uri : List.of(Platform.gateway(endpoint), service("transaction-service", endpoint),
					service("registration-service", endpoint),
					Platform.get().managementUrl("transaction-service").resolve(endpoint),
					Platform.get().managementUrl("gateway").resolve(endpoint))) {
				assertThat(get(uri, null).statusCode()).as(uri.toString()).isEqualTo(401);
				assertThat(get(uri, demo).statusCode()).as(uri.toString()).isEqualTo(403);
			}
		}
	}

	private static HttpResponse<String> get(URI uri, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return Platform.send(request.build());
	}

	private static HttpResponse<String> post(URI uri, String body, String token) {
		return Platform.send(HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static URI service(String name, String path) {
		return platform.serviceUrl(name).resolve(path);
	}

	private static String issuer() {
		return "http://localhost:" + platform.settings().gatewayPort();
	}

}
