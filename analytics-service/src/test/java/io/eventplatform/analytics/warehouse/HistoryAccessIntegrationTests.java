package io.eventplatform.analytics.warehouse;

import static io.eventplatform.analytics.warehouse.WarehouseEvents.event;
import static io.eventplatform.analytics.warehouse.WarehouseEvents.now;
import static io.eventplatform.analytics.warehouse.WarehouseEvents.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.eventplatform.contract.users.UserRegistered;

/**
 * Who reads what in the analytics history (issue 14, section 3), with tokens shaped as the gateway issues them
 * ({@code client_id}, {@code scope}, for a client restricted to accounts the {@code accounts} claim): personal data
 * unmasked for {@code platform:admin} only, an account's transactions for its owner and for the administrator, never
 * for a client restricted to other accounts. Same context as {@link WarehouseSyncIntegrationTests} (one broker).
 */
@SpringBootTest(properties = { "platform.data-dir=./target/warehouse-sync-tests/${random.uuid}",
		"spring.kafka.streams.auto-startup=false" })
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
		"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryAccessIntegrationTests {

	/** A country of its own, so the page holds this test's user only. */
	static final String COUNTRY = "ZW";

	static final String OWN = "ACC-OWN-" + UUID.randomUUID().toString().substring(0, 8);

	static final String OTHER = "ACC-OTHER-" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	MockMvcTester mvc;

	@BeforeAll
	void rows(@Autowired UserHistory users, @Autowired TransactionHistory transactions) {
		users.insertAll(List.of(event("/registration-service",
				new UserRegistered(UUID.randomUUID(), "ada.lovelace@example.com", "Ada Lovelace", COUNTRY, true))),
				now());
		transactions.insertAll(List.of(transaction(OWN, "12.50", now().minusSeconds(5))), now());
	}

	@ParameterizedTest(name = "{0} sees e-mail {1} and name {2}")
	@CsvSource({ "admin, ada.lovelace@example.com, Ada Lovelace", "reader, a***@example.com, A***",
			"owner, a***@example.com, A***", "other, a***@example.com, A***" })
	void shouldShowUsersPersonalDataToTheAdministratorOnlyAndMaskedToEveryoneElse(String client, String email,
			String name) {
		MvcTestResult answer = mvc.get().uri("/api/analytics/history/users?country=" + COUNTRY).with(token(client))
			.exchange();

		assertThat(answer).hasStatus(200).bodyJson().extractingPath("$.content[0].email").isEqualTo(email);
		assertThat(answer).bodyJson().extractingPath("$.content[0].displayName").isEqualTo(name);
		assertThat(answer).bodyJson().extractingPath("$.content[0].country").isEqualTo(COUNTRY);
		assertThat(answer).bodyJson().extractingPath("$.page.totalElements").isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "owner, 200", "admin, 200", "reader, 200", "other, 403" })
	void shouldShowAnAccountsTransactionHistoryOnlyToClientsAllowedThatAccount(String client, int status) {
		MvcTestResult answer = mvc.get().uri("/api/analytics/history/accounts/" + OWN + "/transactions")
			.with(token(client))
			.exchange();

		assertThat(answer).hasStatus(status);
		if (status == 200) {
			assertThat(answer).bodyJson().extractingPath("$.content[0].accountId").isEqualTo(OWN);
		}
		else {
			assertRefusedByAccountRule(answer);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "owner", "admin", "reader" })
	void shouldNotRefuseAnAccountsAggregatesToClientsAllowedThatAccount(String client) {
		// The stores do not run in this context (503); what matters is that no ownership rule refuses the call.
		assertThat(mvc.get().uri("/api/analytics/accounts/" + OWN).with(token(client)).exchange().getResponse()
			.getStatus()).isNotEqualTo(403);
	}

	@Test
	void shouldRefuseAnAccountsAggregatesToAClientRestrictedToOtherAccounts() {
		assertRefusedByAccountRule(mvc.get().uri("/api/analytics/accounts/" + OWN).with(token("other")).exchange());
	}

	private static void assertRefusedByAccountRule(MvcTestResult answer) {
		assertThat(answer).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer).bodyJson().extractingPath("$.rule").isEqualTo("AccountInClaim");
		assertThat(answer).bodyJson().extractingPath("$.detail").asString().contains(OWN).doesNotContain(OTHER);
	}

	/**
	 * {@code admin}: {@code platform:admin}, like the platform-admin client; {@code reader}: analytics:read and no
	 * accounts, like the demo client; {@code owner} and {@code other}: restricted to {@link #OWN} or {@link #OTHER}.
	 */
	static RequestPostProcessor token(String client) {
		return jwt().jwt(token -> {
			token.claim("client_id", client + "-client").subject(client + "-client");
			switch (client) {
				case "admin" -> token.claim("scope", "analytics:read platform:admin");
				case "reader" -> token.claim("scope", "analytics:read");
				case "owner" -> token.claim("scope", "analytics:read").claim("accounts", List.of(OWN));
				case "other" -> token.claim("scope", "analytics:read").claim("accounts", List.of(OTHER));
				default -> throw new IllegalArgumentException(client);
			}
		});
	}
}
