package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first half of "an alert fires and its mail arrives when a consumer stops under load" (issue 16): early in the
 * run, a consumer group on {@code transactions.recorded} consumes while transactions arrive, then loses its only
 * consumer. The rule {@code KafkaConsumerGroupWithoutConsumers} waits 5 minutes ({@code for: 5m}) before it fires,
 * so the mail is awaited by {@link ConsumerStoppedAlertMailEndToEndTests} near the end of the one-broker run, while
 * the tests in between keep producing: those minutes overlap the other tests instead of being waited out in a row.
 * Why a group of its own and not a service's, see there.
 */
@ExtendWith(Platform.class)
@Order(4)
class ConsumerStoppedEndToEndTests {

	@Test
	void shouldLeaveAGroupWithCommittedOffsetsAndNoConsumerWhileTransactionsKeepArriving() throws Exception {
		// Given / When: consumed under load, then stopped
		Instant stopped = StoppedConsumer.stoppedAt(Platform.get());

		// Then (empty group, offsets committed: checked while stopping)
		assertThat(stopped).isBeforeOrEqualTo(Instant.now());
	}
}
