package io.eventplatform.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
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

import io.eventplatform.support.testing.ClientTokens;

/**
 * Who reads an account's aggregates (issue 14, section 3), with tokens shaped as the gateway issues them: its owner,
 * a client without the {@code accounts} claim and the administrator, never a client restricted to other accounts (as
 * transaction-service and the warehouse's history decide). Same context as {@link AnalyticsQueriesIntegrationTests}
 * (one broker).
 */
@SpringBootTest(properties = { "spring.kafka.streams.state-dir=target/kafka-streams/${random.uuid}",
		"spring.kafka.streams.properties.commit.interval.ms=100",
		"spring.kafka.streams.properties.statestore.cache.max.bytes=0" })
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
		"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class AccountAccessIntegrationTests {

	static final String OWN = "ACC-OWN-" + UUID.randomUUID().toString().substring(0, 8);

	static final String OTHER = "ACC-OTHER-" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	MockMvcTester mvc;

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "owner", "admin", "reader" })
	void shouldNotRefuseAnAccountsAggregatesToClientsAllowedThatAccount(String client) {
		// The account has no transactions (404), or the stores are not queryable yet (503): what matters is that no
		// ownership rule refuses the call.
		assertThat(mvc.get().uri("/api/analytics/accounts/" + OWN).with(token(client)).exchange().getResponse()
			.getStatus()).isNotEqualTo(403);
	}

	@Test
	void shouldRefuseAnAccountsAggregatesToAClientRestrictedToOtherAccounts() {
		MvcTestResult answer = mvc.get().uri("/api/analytics/accounts/" + OWN).with(token("other")).exchange();

		assertThat(answer).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer).bodyJson().extractingPath("$.rule").isEqualTo("AccountInClaim");
		assertThat(answer).bodyJson().extractingPath("$.detail").asString().contains(OWN).doesNotContain(OTHER);
	}

	/** A token of the gateway for {@code admin}, {@code reader}, {@code owner} of {@link #OWN} or {@code other}. */
	static RequestPostProcessor token(String client) {
		return ClientTokens.as(client, "analytics:read", OWN, OTHER);
	}
}
