package io.eventplatform.gateway.limits;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.eventplatform.gateway.RunningGateway;

/** An oversize body is refused at the gateway: 413, before any service sees it (weather-ingest is down here). */
class BodySizeLimitIntegrationTests extends RunningGateway {

	@Test
	void shouldRefuseABodyLargerThanTheLimitWith413() {
		byte[] threeMegabytes = new byte[3 * 1024 * 1024];
		java.util.Arrays.fill(threeMegabytes, (byte) ' ');

		gateway.post()
			.uri("/api/weather/readings/batch")
			.headers(headers -> headers.setBearerAuth(demoToken("weather:write")))
			.contentType(MediaType.APPLICATION_JSON)
			.body(threeMegabytes)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}
}
