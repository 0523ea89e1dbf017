package io.eventplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;

import org.junit.jupiter.api.Test;

class TopicsTests {

	@Test
	void shouldNameTheTopicsOfTheContract() {
		assertThat(Topics.all()).extracting(Topic::name)
			.containsExactly("users.registered", "weather.readings", "transactions.recorded",
					"transactions.fraud-alerts", "weather.alerts", "gateway.requests", "analytics.fraud-rules",
					"platform.alerts");
	}

	@Test
	void shouldCarryExactlyOneEventTypePerTopic() {
		assertThat(new HashSet<>(Topics.all().stream().map(Topic::eventType).toList())).hasSize(Topics.all().size());
		assertThat(new HashSet<>(Topics.all().stream().map(Topic::cloudEventType).toList()))
			.hasSize(Topics.all().size());
	}

	@Test
	void shouldDeclareRetentionByTimeAndBySizeUnlessCompacted() {
		for (Topic<?> topic : Topics.all()) {
			if (topic.compacted()) {
				assertThat(topic.config()).containsExactly(java.util.Map.entry("cleanup.policy", "compact"));
				continue;
			}
			assertThat(topic.config()).containsKeys("retention.ms", "retention.bytes");
			assertThat(topic.retention()).isPositive();
			assertThat(topic.retentionBytes()).isPositive();
		}
	}

	@Test
	void shouldKeepTheFraudRulesAsOneCompactedRecord() {
		var rules = SampleEvents.fraudRulesChanged();

		assertThat(Topics.ANALYTICS_FRAUD_RULES.compacted()).isTrue();
		assertThat(Topics.carrying(rules)).isSameAs(Topics.ANALYTICS_FRAUD_RULES);
		assertThat(Topics.carrying(rules).keyOf(rules)).isEqualTo("fraud-rules");
	}

	@Test
	void shouldKeyEachEventByItsAggregate() {
		var user = SampleEvents.userRegistered();
		var reading = SampleEvents.weatherReading();
		var transaction = SampleEvents.transaction();

		assertThat(Topics.carrying(user).keyOf(user)).isEqualTo(user.userId().toString());
		assertThat(Topics.carrying(reading).keyOf(reading)).isEqualTo("ST-1");
		assertThat(Topics.carrying(transaction).keyOf(transaction)).isEqualTo("ACC-1");
	}
}
