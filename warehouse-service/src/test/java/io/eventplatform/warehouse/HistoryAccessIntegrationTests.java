package io.eventplatform.warehouse;

import static io.eventplatform.warehouse.WarehouseEvents.event;
import static io.eventplatform.warehouse.WarehouseEvents.now;
import static io.eventplatform.warehouse.WarehouseEvents.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
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
import io.eventplatform.support.testing.ClientTokens;

/**
 * Who reads what in the warehouse's history (issue 14, section 3), with tokens shaped as the gateway issues them
 * ({@code client_id}, {@code scope}, for a client restricted to accounts the {@code accounts} claim): personal data
 * unmasked for {@code platform:admin} only, an account's transactions for its owner and for the administrator, never
 * for a client restricted to other accounts. Same context as {@link WarehouseSyncIntegrationTests} (one broker).
 */
@SpringBootTest(properties = "platform.data-dir=./target/warehouse-sync-tests/${random.uuid}")
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

	private static void assertRefusedByAccountRule(MvcTestResult answer) {
		assertThat(answer).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer).bodyJson().extractingPath("$.rule").isEqualTo("AccountInClaim");
		assertThat(answer).bodyJson().extractingPath("$.detail").asString().contains(OWN).doesNotContain(OTHER);
	}

	/** A token of the gateway for {@code admin}, {@code reader}, {@code owner} of {@link #OWN} or {@code other}. */
	static RequestPostProcessor token(String client) {
		return ClientTokens.as(client, "analytics:read", OWN, OTHER);
	}
}
