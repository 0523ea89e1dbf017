package io.eventplatform.analytics.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class KeyQueriesTests {

	static final HostInfo SELF = new HostInfo("localhost", 8085);

	@Test
	void shouldAnswerLocallyWhenThisInstanceIsTheActiveHost() {
		assertThat(KeyQueries.decide(SELF, new KeyQueryMetadata(new HostInfo("localhost", 8085), Set.of(), 3)))
			.isInstanceOf(KeyQueries.Local.class);
	}

	@Test
	void shouldForwardToTheActiveHostWhenItIsAnotherInstanceEvenIfThisOneHoldsAStandby() {
		HostInfo other = new HostInfo("analytics-1.analytics", 8085);
		assertThat(KeyQueries.decide(SELF, new KeyQueryMetadata(other, Set.of(SELF), 3)))
			.isEqualTo(new KeyQueries.Remote(other, 3));
	}

	@Test
	void shouldHaveNoReplicaToFallBackOnWhenTheStandbyIsElsewhere() {
		HostInfo other = new HostInfo("analytics-1.analytics", 8085);
		HostInfo third = new HostInfo("analytics-2.analytics", 8085);
		assertThat(KeyQueries.decide(SELF, new KeyQueryMetadata(other, Set.of(third), 3)))
			.isEqualTo(new KeyQueries.Remote(other, null));
	}

	@Test
	void shouldNotAnswerWhileNoInstanceOwnsTheKey() {
		assertThat(KeyQueries.decide(SELF, KeyQueryMetadata.NOT_AVAILABLE)).isInstanceOf(KeyQueries.Unknown.class);
	}
}
