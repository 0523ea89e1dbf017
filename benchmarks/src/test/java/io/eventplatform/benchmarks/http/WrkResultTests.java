package io.eventplatform.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WrkResultTests {

	private static final String CLEAN = """
			Running 2s test @ http://127.0.0.1:8082/api/weather/readings
			  2 threads and 16 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency     5.10ms    2.01ms  40.12ms   90.00%
			    Req/Sec     1.60k   100.00     1.80k    70.00%
			  Latency Distribution
			     50%  812.00us
			     75%    5.50ms
			     90%    7.00ms
			     99%    1.20s
			  6400 requests in 2.00s, 1.10MB read
			Requests/sec:   3199.50
			Transfer/sec:    550.00KB
			""";

	@Test
	void shouldReadTheRateTheCountAndThePercentilesInMilliseconds() {
		WrkResult result = WrkResult.parse(CLEAN);

		assertThat(result.requestsPerSecond()).isEqualTo(3199.5);
		assertThat(result.requests()).isEqualTo(6400);
		assertThat(result.errors()).isZero();
		assertThat(result.p50Millis()).isCloseTo(0.812, within(1e-9));
		assertThat(result.p99Millis()).isCloseTo(1200, within(1e-9));
	}

	@Test
	void shouldCountNon2xxAnswersAndSocketErrorsAsErrors() {
		String output = CLEAN.replace("Requests/sec:", """
				  Socket errors: connect 0, read 2, write 0, timeout 1
				  Non-2xx or 3xx responses: 40
				Requests/sec:""");

		assertThat(WrkResult.parse(output).errors()).isEqualTo(43);
	}

	@Test
	void shouldRefuseOutputWithoutARate() {
		assertThatIllegalStateException().isThrownBy(() -> WrkResult.parse("unable to connect to 127.0.0.1:1"));
	}

}
