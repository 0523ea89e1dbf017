package io.eventplatform.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

class DownstreamFailuresTests {

	@Test
	void mapsARefusedConnectionToServiceUnavailable() {
		// Given
		var failure = clientFailure(new ConnectException("Connection refused"));

		// When / Then
		assertThat(DownstreamFailures.statusFor(failure)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void mapsAnUnknownHostToServiceUnavailable() {
		assertThat(DownstreamFailures.statusFor(clientFailure(new UnknownHostException("registration-service"))))
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void mapsAConnectTimeoutToServiceUnavailableNotToGatewayTimeout() {
		assertThat(DownstreamFailures.statusFor(clientFailure(new HttpConnectTimeoutException("connect timed out"))))
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void mapsAResponseTimeoutToGatewayTimeout() {
		assertThat(DownstreamFailures.statusFor(clientFailure(new HttpTimeoutException("request timed out"))))
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
	}

	@Test
	void mapsAnyOtherBrokenExchangeToBadGateway() {
		assertThat(DownstreamFailures.statusFor(clientFailure(new IOException("Connection reset"))))
			.isEqualTo(HttpStatus.BAD_GATEWAY);
	}

	@Test
	void leavesFailuresThatAreNotAboutTheServiceToSpringMvc() {
		assertThat(DownstreamFailures.isDownstreamFailure(new IllegalStateException("a bug"))).isFalse();
		assertThat(DownstreamFailures.isDownstreamFailure(clientFailure(new IOException("reset")))).isTrue();
	}

	private static ResourceAccessException clientFailure(IOException cause) {
		// What RestClient throws: the message names the service's host, the cause says what happened.
		return new ResourceAccessException("I/O error on GET request for \"http://10.0.0.7:8081/api/users\"", cause);
	}

}
