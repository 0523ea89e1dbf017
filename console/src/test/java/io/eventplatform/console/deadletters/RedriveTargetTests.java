package io.eventplatform.console.deadletters;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedriveTargetTests {

	@Test
	void sendsADeadLetterBackToTheTopicItsDeadLetterTopicIsNamedAfter() {
		assertThat(DeadLetters.mayRedriveTo("users.registered-dlt", "users.registered")).isTrue();
		assertThat(DeadLetters.mayRedriveTo("orders.topic-dlt", "orders.topic")).isTrue();
	}

	@Test
	void refusesAnyOtherTargetAHeaderNames() {
		assertThat(DeadLetters.mayRedriveTo("users.registered-dlt", "weather.readings")).isFalse();
		assertThat(DeadLetters.mayRedriveTo("users.registered-dlt", "analytics.fraud-rules")).isFalse();
		assertThat(DeadLetters.mayRedriveTo("orders.topic-dlt", "notification-service.replay-control")).isFalse();
	}

	@Test
	void sendsAStreamsApplicationsDeadLettersOnlyToTopicsListenersRead() {
		assertThat(DeadLetters.mayRedriveTo("analytics-service-internal-dlt", "transactions.recorded")).isTrue();
		assertThat(DeadLetters.mayRedriveTo("analytics-service-internal-dlt", "analytics.fraud-rules")).isFalse();
		assertThat(DeadLetters.mayRedriveTo("analytics-service-internal-dlt",
				"analytics-service-transactions-account-hour-changelog")).isFalse();
	}

}
