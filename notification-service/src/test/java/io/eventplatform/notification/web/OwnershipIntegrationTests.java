package io.eventplatform.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.notification.NotificationIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The BOLA matrix of notification-service (issue 14, section 3): each resource that holds personal data, asked for by
 * a client that owns it, by clients that do not, and by the administrator, with tokens shaped as the gateway issues
 * them ({@code client_id}, {@code scope}, the {@code accounts} claim). The clients:
 * <ul>
 * <li>{@code owner}: like ledger-client, restricted to the account {@link #ACCOUNT};</li>
 * <li>{@code demo}: like the demo client, no {@code accounts} claim (owns no account);</li>
 * <li>{@code other}: restricted to another account;</li>
 * <li>{@code admin}: scope {@code platform:admin}.</li>
 * </ul>
 */
class OwnershipIntegrationTests extends NotificationIntegrationTest {

	static final String ACCOUNT = "ACC-OWNED-" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	JsonMapper json;

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "owner, 201", "admin, 201", "demo, 403", "other, 403" })
	void shouldLetOnlyTheAccountsOwnerAndTheAdministratorAddASecurityContact(String client, int status) {
		MvcTestResult answer = subscribeContact(client, unique("contact"));

		assertThat(answer).hasStatus(status);
		if (status == 403) {
			assertRefused(answer, "AccountOwner");
		}
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "owner, 200", "admin, 200", "demo, 403", "other, 403" })
	void shouldListAnAccountsSecurityContactsOnlyToItsOwnerAndTheAdministrator(String client, int status) {
		String contact = unique("listed");
		assertThat(subscribeContact("admin", contact)).hasStatus(201);

		MvcTestResult answer = mvc.get()
			.uri("/api/notifications/subscriptions?accountId=" + ACCOUNT)
			.with(token(client))
			.exchange();

		assertThat(answer).hasStatus(status);
		if (status == 200) {
			assertThat(read(answer).get("content").findValuesAsString("email")).contains(contact);
		}
		else {
			assertRefused(answer, "AccountOwner");
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "demo", "other" })
	void shouldLeaveOtherAccountsContactsOutOfAnUnfilteredList(String client) {
		String contact = unique("unlisted");
		assertThat(subscribeContact("admin", contact)).hasStatus(201);

		JsonNode listed = read(mvc.get()
			.uri("/api/notifications/subscriptions?email=" + contact)
			.with(token(client))
			.exchange());

		assertThat(listed.get("content")).isEmpty();
		assertThat(read(mvc.get().uri("/api/notifications/subscriptions?email=" + contact).with(token("owner"))
			.exchange()).get("content").findValuesAsString("email")).containsExactly(contact);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "owner, 200", "admin, 200", "demo, 404", "other, 404" })
	void shouldShowASecurityContactOnlyToItsAccountsOwnerAndTheAdministrator(String client, int status) {
		String id = id(subscribeContact("admin", unique("shown")));

		assertThat(mvc.get().uri("/api/notifications/subscriptions/" + id).with(token(client))).hasStatus(status);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "owner, 204", "admin, 204", "demo, 404", "other, 404" })
	void shouldLetOnlyTheAccountsOwnerAndTheAdministratorDeleteASecurityContact(String client, int status) {
		String id = id(subscribeContact("admin", unique("deleted")));

		assertThat(mvc.delete().uri("/api/notifications/subscriptions/" + id).with(token(client))).hasStatus(status);

		assertThat(mvc.get().uri("/api/notifications/subscriptions/" + id).with(token("admin")))
			.hasStatus(status == 204 ? 404 : 200);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "demo, 200", "admin, 200", "owner, 404", "other, 404" })
	void shouldShowAStationSubscriberOnlyToTheClientThatSubscribedItAndTheAdministrator(String client, int status) {
		String id = id(subscribeStation("demo", unique("hiker")));

		assertThat(mvc.get().uri("/api/notifications/subscriptions/" + id).with(token(client))).hasStatus(status);
		assertThat(read(mvc.get().uri("/api/notifications/subscriptions?stationId=station-owned").with(token(client))
			.exchange()).get("content").findValuesAsString("id").contains(id)).isEqualTo(status == 200);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "demo, 204", "admin, 204", "owner, 404", "other, 404" })
	void shouldLetOnlyTheClientThatSubscribedAnAddressToAStationAndTheAdministratorDeleteIt(String client,
			int status) {
		String id = id(subscribeStation("demo", unique("walker")));

		assertThat(mvc.delete().uri("/api/notifications/subscriptions/" + id).with(token(client))).hasStatus(status);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "owner, 201", "admin, 201", "demo, 403", "other, 403" })
	void shouldLetOnlyTheOwnerOfAnAccountWhoseContactItIsAndTheAdministratorOptAnAddressOut(String client,
			int status) {
		String contact = unique("quiet");
		assertThat(subscribeContact("admin", contact)).hasStatus(201);

		MvcTestResult answer = optOut(client, contact);

		assertThat(answer).hasStatus(status);
		assertThat(mvc.get().uri("/api/notifications/opt-outs/" + contact).with(token("admin")))
			.hasStatus(status == 201 ? 200 : 404);
		if (status == 403) {
			assertRefused(answer, "ContactOfOwnAccount");
		}
	}

	@ParameterizedTest(name = "{0}: read {1}, opt in {2}")
	@CsvSource({ "owner, 200, 204", "admin, 200, 204", "demo, 403, 403", "other, 403, 403" })
	void shouldLetOnlyTheOwnerOfAnAccountWhoseContactItIsAndTheAdministratorReadAndUndoAnOptOut(String client,
			int read, int optIn) {
		String contact = unique("undone");
		assertThat(subscribeContact("admin", contact)).hasStatus(201);
		assertThat(optOut("admin", contact)).hasStatus(201);

		assertThat(mvc.get().uri("/api/notifications/opt-outs/" + contact).with(token(client))).hasStatus(read);
		assertThat(mvc.delete().uri("/api/notifications/opt-outs/" + contact).with(token(client))).hasStatus(optIn);
	}

	@Test
	void shouldLetNoClientButTheAdministratorOptOutAnAddressThatIsNoContactOfItsAccounts() {
		String stranger = unique("stranger");

		assertRefused(optOut("owner", stranger), "ContactOfOwnAccount");
		assertRefused(optOut("demo", stranger), "ContactOfOwnAccount");
		assertThat(optOut("admin", stranger)).hasStatus(201);
	}

	@ParameterizedTest(name = "{0} sees {1}")
	@CsvSource({ "admin, unmasked", "demo, masked", "owner, masked" })
	void shouldShowRecipientsAndSubjectsInTheHistoryToTheAdministratorOnly(String client, String shown) {
		String address = unique("ada");
		EventEnvelope<UserRegistered> event = EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(UUID.randomUUID(), address, "Ada Lovelace", "GB", false), Clock.systemUTC());
		publish(event);
		awaitMailTo(address);

		JsonNode delivery = await().until(() -> read(mvc.get()
			.uri("/api/notifications?eventId=" + event.id())
			.with(token(client))
			.exchange()).get("content"), content -> content.size() == 1).get(0);

		if (shown.equals("unmasked")) {
			assertThat(delivery.get("recipient").asString()).isEqualTo(address);
			assertThat(delivery.get("subject").asString()).contains("Ada Lovelace");
		}
		else {
			assertThat(delivery.get("recipient").asString()).isEqualTo("o***@example.com");
			assertThat(delivery.has("subject") && !delivery.get("subject").isNull()).isFalse();
		}
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "admin, 200", "demo, 403", "owner, 403" })
	void shouldLetOnlyTheAdministratorLookUpTheHistoryOfAnAddress(String client, int status) {
		MvcTestResult answer = mvc.get()
			.uri("/api/notifications?recipient=" + unique("looked-up"))
			.with(token(client))
			.exchange();

		assertThat(answer).hasStatus(status);
		if (status == 403) {
			assertRefused(answer, "PlatformAdmin");
		}
	}

	private MvcTestResult subscribeContact(String client, String email) {
		return post(client, "/api/notifications/subscriptions",
				"{\"email\":\"%s\",\"accountId\":\"%s\"}".formatted(email, ACCOUNT));
	}

	private MvcTestResult subscribeStation(String client, String email) {
		return post(client, "/api/notifications/subscriptions",
				"{\"email\":\"%s\",\"stationId\":\"station-owned\"}".formatted(email));
	}

	private MvcTestResult optOut(String client, String email) {
		return post(client, "/api/notifications/opt-outs", "{\"email\":\"%s\"}".formatted(email));
	}

	private MvcTestResult post(String client, String uri, String body) {
		return mvc.post().uri(uri).with(token(client)).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private String id(MvcTestResult created) {
		assertThat(created).hasStatus(201);
		return read(created).get("id").asString();
	}

	private void assertRefused(MvcTestResult answer, String rule) {
		assertThat(answer).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(read(answer).get("rule").asString()).isEqualTo(rule);
	}

	private JsonNode read(MvcTestResult result) {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

	/** An address of this test's own, starting with {@code o} (so its mask is known) and in lower case. */
	private static String unique(String name) {
		return "o-" + name + "-" + UUID.randomUUID() + "@example.com";
	}

	static RequestPostProcessor token(String client) {
		return jwt().jwt(token -> {
			token.claim("client_id", client + "-client").subject(client + "-client");
			String scopes = "notifications:read notifications:write";
			switch (client) {
				case "admin" -> token.claim("scope", scopes + " platform:admin");
				case "demo" -> token.claim("scope", scopes);
				case "owner" -> token.claim("scope", scopes).claim("accounts", List.of(ACCOUNT));
				case "other" -> token.claim("scope", scopes).claim("accounts", List.of("ACC-SOMEONE-ELSE"));
				default -> throw new IllegalArgumentException(client);
			}
		});
	}
}
