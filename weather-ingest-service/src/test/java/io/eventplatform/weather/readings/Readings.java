package io.eventplatform.weather.readings;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What the readings tests send, and how. */
final class Readings {

	static final String SINGLE = "/api/weather/readings";

	static final String BATCH = "/api/weather/readings/batch";

	private Readings() {
	}

	/** A station id no other test uses: the tests share one topic. */
	static String newStation() {
		return "station-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A valid reading, as a mutable JSON object so a test can break one property. */
	static Map<String, Object> reading(String stationId, Instant observedAt) {
		Map<String, Object> reading = new LinkedHashMap<>();
		reading.put("stationId", stationId);
		reading.put("observedAt", observedAt.toString());
		reading.put("temperatureCelsius", 7.5);
		reading.put("humidityPercent", 81);
		reading.put("pressureHpa", 1013.2);
		return reading;
	}

	/** The id the service promises: a name-based UUID of station and instant. */
	static String expectedId(String stationId, Instant observedAt) {
		return UUID.nameUUIDFromBytes((stationId + "|" + observedAt).getBytes(StandardCharsets.UTF_8)).toString();
	}

	static MvcTestResult post(MockMvcTester mvc, String uri, String body, String scope) {
		return mvc.post().uri(uri).with(token(scope)).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	static RequestPostProcessor token(String scope) {
		return jwt().authorities(new SimpleGrantedAuthority("SCOPE_" + scope));
	}
}
