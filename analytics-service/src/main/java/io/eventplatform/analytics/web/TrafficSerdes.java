package io.eventplatform.analytics.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Binary serdes of the web aggregates, hand-written because a histogram in JSON (the other aggregates' format) would
 * be a base64 string anyway, and these values are read and written on every call the gateway answers.
 */
final class TrafficSerdes {

	private TrafficSerdes() {
	}

	static Serde<TrafficStats> stats() {
		return Serdes.serdeFrom((topic, stats) -> {
			if (stats == null) {
				return null;
			}
			ByteBuffer buffer = ByteBuffer.allocate(stats.encodedSizeBound());
			stats.writeTo(buffer);
			return Arrays.copyOf(buffer.array(), buffer.position());
		}, (topic, bytes) -> bytes == null ? null : TrafficStats.readFrom(ByteBuffer.wrap(bytes)));
	}

	/** A client's window: its calls per route. */
	static Serde<Map<String, TrafficStats>> byRoute() {
		return Serdes.serdeFrom((topic, routes) -> {
			if (routes == null) {
				return null;
			}
			int size = Integer.BYTES;
			for (Map.Entry<String, TrafficStats> route : routes.entrySet()) {
				size += Integer.BYTES + route.getKey().length() * 3 + route.getValue().encodedSizeBound();
			}
			ByteBuffer buffer = ByteBuffer.allocate(size);
			buffer.putInt(routes.size());
			routes.forEach((route, stats) -> {
				byte[] name = route.getBytes(StandardCharsets.UTF_8);
				buffer.putInt(name.length).put(name);
				stats.writeTo(buffer);
			});
			return Arrays.copyOf(buffer.array(), buffer.position());
		}, (topic, bytes) -> {
			if (bytes == null) {
				return null;
			}
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			int count = buffer.getInt();
			Map<String, TrafficStats> routes = new TreeMap<>();
			for (int i = 0; i < count; i++) {
				byte[] name = new byte[buffer.getInt()];
				buffer.get(name);
				routes.put(new String(name, StandardCharsets.UTF_8), TrafficStats.readFrom(buffer));
			}
			return routes;
		});
	}
}
