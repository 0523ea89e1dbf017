package io.eventplatform.benchmarks.baseline;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.support.security.Scopes;

/** Reads, validates and answers a reading as weather-ingest-service does, without the broker. */
@RestController
class BaselineController {

	static final String PATH = "/api/benchmark/baseline/readings";

	@PostMapping(PATH)
	@PreAuthorize(Scopes.Require.WEATHER_WRITE)
	ResponseEntity<Accepted> accept(@Valid @RequestBody BaselineReading reading) {
		String id = UUID
			.nameUUIDFromBytes((reading.stationId() + "|" + reading.observedAt()).getBytes(StandardCharsets.UTF_8))
			.toString();
		return ResponseEntity.accepted().body(new Accepted(id));
	}

	record Accepted(String id) {
	}

}
