package io.eventplatform.weather.readings.web;

import java.util.List;

import org.springframework.http.ResponseEntity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.eventplatform.support.web.FieldProblem;

/**
 * The OpenAPI description of the readings API, kept apart so the controller shows only what it does. (Interface
 * methods are public, hence the controller's are too.)
 */
@Tag(name = "Weather readings", description = "Station readings into weather.readings (key stationId)")
interface ReadingsApi {

	String JSON = "application/json";

	String PROBLEM_JSON = "application/problem+json";

	/** The shape of every error answer (RFC 9457), for the description only: the platform's advice writes them. */
	@Schema(name = "Problem")
	record Problem(String title, int status, String detail, String instance,
			@Schema(description = "For invalid input: each broken rule, naming the field") List<FieldProblem> errors) {
	}

	@Operation(summary = "Record one reading",
			description = "Answers 202 once the broker acknowledged the reading. The id is derived from stationId "
					+ "and observedAt, so sending the same reading again (for example after a 503) yields the same "
					+ "id, and consumers count it once. Needs scope weather:write.",
			requestBody = @RequestBody(required = true, content = @Content(mediaType = JSON,
					schema = @Schema(implementation = ReadingRequest.class),
					examples = @ExampleObject(name = "reading", value = ReadingExamples.READING))))
	@ApiResponse(responseCode = "202", description = "The broker has the reading",
			content = @Content(mediaType = JSON, schema = @Schema(implementation = ReadingAccepted.class),
					examples = @ExampleObject(value = ReadingExamples.ACCEPTED)))
	@ApiResponse(responseCode = "400", description = "Invalid reading: each broken rule with its field",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
					examples = @ExampleObject(value = ReadingExamples.INVALID)))
	@ApiResponse(responseCode = "401", description = "No valid bearer token",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
					examples = @ExampleObject(value = ReadingExamples.UNAUTHORIZED)))
	@ApiResponse(responseCode = "403", description = "The token lacks scope weather:write",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
					examples = @ExampleObject(value = ReadingExamples.FORBIDDEN)))
	@ApiResponse(responseCode = "413", description = "The body is larger than platform.web.max-request-size",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
					examples = @ExampleObject(value = ReadingExamples.BODY_TOO_LARGE)))
	@ApiResponse(responseCode = "503",
			description = "The broker did not acknowledge in time; send the same reading again after Retry-After",
			headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
					schema = @Schema(type = "integer")),
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
					examples = @ExampleObject(value = ReadingExamples.UNAVAILABLE)))
	ResponseEntity<ReadingAccepted> record(ReadingRequest reading);

	@Operation(summary = "Record a batch of readings",
			description = "A JSON array of at most platform.weather.max-batch-readings (1000) readings, validated as a "
					+ "whole: if any reading is invalid, none is published. Readings of one station keep their order "
					+ "on the topic. Answers 202 once the broker acknowledged every reading; after a 503 some may "
					+ "already be on the topic, and sending the whole batch again is safe (the ids are the same). "
					+ "Needs scope weather:write.",
			requestBody = @RequestBody(required = true, content = @Content(mediaType = JSON,
					array = @ArraySchema(schema = @Schema(implementation = ReadingRequest.class), maxItems = 1000),
					examples = @ExampleObject(name = "batch", value = ReadingExamples.BATCH))))
	@ApiResponse(responseCode = "202", description = "The broker has every reading",
			content = @Content(mediaType = JSON, schema = @Schema(implementation = BatchAccepted.class),
					examples = @ExampleObject(value = ReadingExamples.BATCH_ACCEPTED)))
	@ApiResponse(responseCode = "400",
			description = "Invalid readings, each named by its index in the array; nothing was published",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
					examples = @ExampleObject(value = ReadingExamples.BATCH_INVALID)))
	@ApiResponse(responseCode = "401", description = "No valid bearer token",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
					examples = @ExampleObject(value = ReadingExamples.UNAUTHORIZED)))
	@ApiResponse(responseCode = "403", description = "The token lacks scope weather:write",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
					examples = @ExampleObject(value = ReadingExamples.FORBIDDEN)))
	@ApiResponse(responseCode = "413",
			description = "More readings than platform.weather.max-batch-readings, or a body larger than "
					+ "platform.web.max-request-size",
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
					examples = { @ExampleObject(name = "too many readings", value = ReadingExamples.BATCH_TOO_LARGE),
							@ExampleObject(name = "body too large", value = ReadingExamples.BODY_TOO_LARGE) }))
	@ApiResponse(responseCode = "503",
			description = "The broker did not acknowledge every reading in time; send the same batch again after "
					+ "Retry-After",
			headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
					schema = @Schema(type = "integer")),
			content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
					examples = @ExampleObject(value = ReadingExamples.UNAVAILABLE)))
	ResponseEntity<BatchAccepted> recordBatch(ReadingBatch readings);
}
