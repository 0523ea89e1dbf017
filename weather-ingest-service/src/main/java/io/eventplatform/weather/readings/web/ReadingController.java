package io.eventplatform.weather.readings.web;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.support.security.Scopes;
import io.eventplatform.weather.readings.ReadingIngestion;

/**
 * 202 means the broker has the readings; there is nothing to fetch afterwards, so no {@code Location}. The OpenAPI
 * description of both endpoints is on {@link ReadingsApi}.
 */
@RestController
@RequestMapping("/api/weather/readings")
class ReadingController implements ReadingsApi {

	private final ReadingIngestion ingestion;

	private final ReadingBatchValidator batchValidator;

	ReadingController(ReadingIngestion ingestion, ReadingBatchValidator batchValidator) {
		this.ingestion = ingestion;
		this.batchValidator = batchValidator;
	}

	@Override
	@PostMapping
	@PreAuthorize(Scopes.Require.WEATHER_WRITE)
	public ResponseEntity<ReadingAccepted> record(@Valid @RequestBody ReadingRequest reading) {
		String id = ingestion.record(reading.toReading());
		return ResponseEntity.accepted().body(new ReadingAccepted(id));
	}

	@Override
	@PostMapping("/batch")
	@PreAuthorize(Scopes.Require.WEATHER_WRITE)
	public ResponseEntity<BatchAccepted> recordBatch(@RequestBody ReadingBatch batch) {
		// An oversized batch was refused while it was read (ReadingBatch.Deserializer), whatever its items hold.
		List<ReadingRequest> readings = batch.readings();
		batchValidator.requireValid(readings);
		List<String> ids = ingestion.recordAll(readings.stream().map(ReadingRequest::toReading).toList());
		return ResponseEntity.accepted().body(new BatchAccepted(ids.size(), ids));
	}
}
