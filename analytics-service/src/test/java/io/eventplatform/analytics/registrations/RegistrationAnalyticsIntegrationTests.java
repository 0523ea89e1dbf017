package io.eventplatform.analytics.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.kafka.EventSerializer;
import io.eventplatform.contract.users.UserRegistered;

@SpringBootTest(properties = { "spring.kafka.streams.state-dir=target/kafka-streams/${random.uuid}",
		"spring.kafka.streams.properties.commit.interval.ms=100",
		"spring.kafka.streams.properties.statestore.cache.max.bytes=0" })
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
		"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
public class RegistrationAnalyticsIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	StreamsBuilderFactoryBean streams;

	@Test
	void shouldAnswerTheRegistrationCountsFromTheStream() {
		publish("NL");
		publish("NL");
		publish("IT");

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
				mvc.get().uri("/api/analytics/registrations").with(jwt().authorities(
						new SimpleGrantedAuthority("SCOPE_analytics:read"))))
			.hasStatus(200)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"total":3,"byCountry":{"NL":2,"IT":1}}"""));
	}

	@Test
	void shouldRequireTheAnalyticsScope() {
		assertThat(mvc.get().uri("/api/analytics/registrations")).hasStatus(401);
		assertThat(mvc.get().uri("/api/analytics/registrations")
			.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_users:read")))).hasStatus(403);
	}

	@Test
	void shouldBeReadyWhileTheTopologyRuns() {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatus(200));
	}

	@Test
	void shouldGiveUpTheStoppedInstancesPartitionsWithinItsShortSessionTimeout() throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(() -> streams.getKafkaStreams() != null
				&& streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
			assertThat(members(admin)).isPositive();

			streams.stop();

			// 10 s session timeout (with the default, 45 s, nobody would process its partitions for that long).
			await().atMost(Duration.ofSeconds(25)).until(() -> members(admin) == 0);
		}
		finally {
			streams.start();
		}
	}

	private static int members(Admin admin) throws Exception {
		return admin.describeConsumerGroups(List.of("analytics-service"))
			.describedGroups()
			.get("analytics-service")
			.get()
			.members()
			.size();
	}

	private void publish(String country) {
		EventEnvelope<UserRegistered> event = EventEnvelope.of(URI.create("/registration-service"),
				new UserRegistered(UUID.randomUUID(), "someone@example.com", "Someone", country, false), Clock.systemUTC());
		try (var producer = new DefaultKafkaProducerFactory<String, EventEnvelope<?>>(
				KafkaTestUtils.producerProps(broker), new StringSerializer(), new EventSerializer())
			.createProducer()) {
			producer.send(new ProducerRecord<>(Topics.USERS_REGISTERED.name(), event.key(), event));
		}
	}
}
