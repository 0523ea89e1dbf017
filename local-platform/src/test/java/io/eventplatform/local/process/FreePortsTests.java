package io.eventplatform.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortsTests {

	@Test
	void shouldNeverGiveAPortTwiceAcrossCalls() {
		// Each call lets its ports go before the next, as the settings of one platform are built: hundreds of ports
		// out of the system's ephemeral range make a repeat near certain unless the ports given are remembered.
		Set<Integer> given = new HashSet<>();
		for (int call = 0; call < 4; call++) {
			int[] ports = FreePorts.take(300);
			assertThat(Arrays.stream(ports).boxed().toList()).as("call %d", call).doesNotHaveDuplicates()
				.noneMatch(given::contains);
			Arrays.stream(ports).forEach(given::add);
		}
	}
}
