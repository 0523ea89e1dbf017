package io.eventplatform.registration.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.testcontainers.kafka.KafkaContainer;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.support.testing.ContainersIntegrationTest;
import io.eventplatform.support.testing.KafkaContainerConfiguration;
import io.eventplatform.support.testing.PostgresContainerConfiguration;
import io.eventplatform.support.testing.TopicProbe;
import tools.jackson.databind.json.JsonMapper;

/** A registration through the API, stored in PostgreSQL and relayed by the outbox to Kafka, both in containers. */
@ContainersIntegrationTest(coveredWithoutDockerBy = { UserRegistrationIntegrationTests.class,
		UsersSchemaOnPostgresIntegrationTests.class })
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("postgresql")
@Import({ PostgresContainerConfiguration.class, KafkaContainerConfiguration.class })
class UserRegistrationContainersIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Users users;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaContainer kafka;

	@Test
	void shouldStoreTheUserInPostgresAndPublishUserRegisteredToKafka() {
		// When
		MvcTestResult result = mvc.post()
			.uri("/api/users")
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_users:write")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"email":"Ada@Example.com","displayName":"Ada Lovelace","country":"gb","marketingConsent":true}""")
			.exchange();

		// Then
		assertThat(result).hasStatus(201);
		UUID id = UUID.fromString(json.readTree(result.getResponse().getContentAsByteArray()).get("id").asString());
		assertThat(users.findById(id)).get().extracting(User::getEmail).isEqualTo("ada@example.com");
		ConsumerRecord<String, EventEnvelope<?>> record = TopicProbe.awaitRecord(kafka.getBootstrapServers(),
				Topics.USERS_REGISTERED.name(), id.toString());
		assertThat(record.value().data())
			.isEqualTo(new UserRegistered(id, "ada@example.com", "Ada Lovelace", "GB", true));
	}
}
