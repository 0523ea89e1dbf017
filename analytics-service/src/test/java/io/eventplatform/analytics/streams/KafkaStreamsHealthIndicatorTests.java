package io.eventplatform.analytics.streams;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class KafkaStreamsHealthIndicatorTests {

	private final StreamsBuilderFactoryBean factoryBean = mock(StreamsBuilderFactoryBean.class);

	private final AtomicLong nanoTime = new AtomicLong();

	private final StreamThreadFailures failures = new StreamThreadFailures(Duration.ofMinutes(2), nanoTime::get);

	private final KafkaStreamsHealthIndicator health = new KafkaStreamsHealthIndicator(factoryBean, failures);

	@Test
	void isNotReadyWhileStreamThreadsKeepDyingAlthoughTheClientRuns() {
		client(KafkaStreams.State.RUNNING);
		assertThat(status()).isEqualTo(Status.UP);

		failures.record(new ArithmeticException("long overflow"));
		assertThat(status()).isEqualTo(Status.DOWN);
		nanoTime.addAndGet(Duration.ofMinutes(1).toNanos());
		failures.record(new ArithmeticException("long overflow"));
		nanoTime.addAndGet(Duration.ofMinutes(1).toNanos());
		assertThat(status()).isEqualTo(Status.DOWN);

		nanoTime.addAndGet(Duration.ofMinutes(1).plusSeconds(1).toNanos());
		assertThat(status()).isEqualTo(Status.UP);
	}

	@Test
	void isNotReadyWhileTheClientIsFailing() {
		client(KafkaStreams.State.RUNNING);
		assertThat(status()).isEqualTo(Status.UP);

		client(KafkaStreams.State.PENDING_ERROR);

		assertThat(status()).isEqualTo(Status.DOWN);
	}

	@Test
	void isNotReadyWhileTheFirstRebalancesOfAClientAreUnderWay() {
		KafkaStreams client = client(KafkaStreams.State.REBALANCING);

		assertThat(status()).isEqualTo(Status.DOWN);
		given(client.state()).willReturn(KafkaStreams.State.RUNNING);
		assertThat(status()).isEqualTo(Status.UP);
	}

	@Test
	void staysReadyWhileAClientThatRanRebalances() {
		KafkaStreams client = client(KafkaStreams.State.RUNNING);
		assertThat(status()).isEqualTo(Status.UP);

		given(client.state()).willReturn(KafkaStreams.State.REBALANCING);

		assertThat(status()).isEqualTo(Status.UP);
	}

	@Test
	void isNotReadyWhenANewClientRebalancesAfterARestart() {
		client(KafkaStreams.State.RUNNING);
		assertThat(status()).isEqualTo(Status.UP);

		client(KafkaStreams.State.REBALANCING);

		assertThat(status()).isEqualTo(Status.DOWN);
	}

	@Test
	void isNotReadyWithoutAClientOrWhenItFailed() {
		assertThat(status()).isEqualTo(Status.DOWN);
		client(KafkaStreams.State.ERROR);
		assertThat(status()).isEqualTo(Status.DOWN);
	}

	private KafkaStreams client(KafkaStreams.State state) {
		KafkaStreams client = mock(KafkaStreams.class);
		given(client.state()).willReturn(state);
		given(factoryBean.getKafkaStreams()).willReturn(client);
		return client;
	}

	private Status status() {
		return health.health().getStatus();
	}

}
