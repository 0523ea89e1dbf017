package io.eventplatform.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.eventplatform.contract.gateway.GatewayRequestCompleted;

class TrafficSerdesTests {

	@Test
	void shouldReadAWindowBackAsWrittenInAFewHundredBytes() {
		// Given 1,000 calls with latencies spread from 1 ms to 3 s
		TrafficStats stats = TrafficStats.none();
		Random random = new Random(20);
		for (int i = 0; i < 1000; i++) {
			stats.add(new GatewayRequestCompleted("c1", "GET", "/api/a", i % 10 == 0 ? 503 : 200,
					1 + (long) (Math.pow(random.nextDouble(), 3) * 3000)));
		}

		// When written and read back
		byte[] bytes = TrafficSerdes.stats().serializer().serialize("t", stats);
		TrafficStats read = TrafficSerdes.stats().deserializer().deserialize("t", bytes);

		// Then the figures are the same, and the window is small
		assertThat(read.traffic()).isEqualTo(stats.traffic());
		assertThat(bytes.length).isLessThan(1024);
		TrafficStats one = TrafficStats.none().add(new GatewayRequestCompleted("c1", "GET", "/api/a", 200, 12));
		byte[] oneBytes = TrafficSerdes.stats().serializer().serialize("t", one);
		assertThat(oneBytes.length).isLessThan(100);
	}

	@Test
	void shouldReadAClientsRoutesBackAsWritten() {
		Map<String, TrafficStats> routes = new TreeMap<>();
		routes.put("GET /api/users/{id}", TrafficStats.none()
			.add(new GatewayRequestCompleted("c1", "GET", "/api/users/{id}", 200, 5))
			.add(new GatewayRequestCompleted("c1", "GET", "/api/users/{id}", 404, 700)));
		routes.put("POST /api/transactions/é", TrafficStats.none()
			.add(new GatewayRequestCompleted("c1", "POST", "/api/transactions/é", 500, 40)));

		Map<String, TrafficStats> read = TrafficSerdes.byRoute().deserializer()
			.deserialize("t", TrafficSerdes.byRoute().serializer().serialize("t", routes));

		assertThat(read).containsOnlyKeys(routes.keySet());
		routes.forEach((route, stats) -> assertThat(read.get(route).traffic()).isEqualTo(stats.traffic()));
	}
}
