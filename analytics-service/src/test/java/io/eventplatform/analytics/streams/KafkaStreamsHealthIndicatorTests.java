package io.eventplatform.analytics.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class KafkaStreamsHealthIndicatorTests {

	private final StreamsBuilderFactoryBean factoryBean = mock(StreamsBuilderFactoryBean.class);

	private final KafkaStreamsHealthIndicator health = new KafkaStreamsHealthIndicator(factoryBean);

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
