package io.eventplatform.weather.readings.web;

/** Examples of the OpenAPI description, taken from real answers of the service. */
final class ReadingExamples {

	static final String READING = """
			{"stationId":"station-042","observedAt":"2026-11-21T10:15:00Z","temperatureCelsius":7.5,\
			"humidityPercent":81,"pressureHpa":1013.2}""";

	static final String ACCEPTED = """
			{"id":"d5158522-6a25-3210-9ee5-d7eae7e6ee78"}""";

	static final String INVALID = """
			{"title":"Invalid request","status":400,\
			"detail":"temperatureCelsius must be less than or equal to 60","instance":"/api/weather/readings",\
			"errors":[{"field":"temperatureCelsius","rule":"DecimalMax","message":"must be less than or equal to 60"}]}""";

	static final String BATCH = """
			[{"stationId":"station-042","observedAt":"2026-11-21T10:15:00Z","temperatureCelsius":7.5,\
			"humidityPercent":81,"pressureHpa":1013.2},
			 {"stationId":"station-007","observedAt":"2026-11-21T10:15:00Z","temperatureCelsius":-3.0,\
			"humidityPercent":64},
			 {"stationId":"station-042","observedAt":"2026-11-21T10:20:00Z","temperatureCelsius":7.1,\
			"humidityPercent":83,"pressureHpa":1013.0}]""";

	static final String BATCH_ACCEPTED = """
			{"accepted":3,"ids":["d5158522-6a25-3210-9ee5-d7eae7e6ee78","a75a3930-7466-3614-a0d6-b1b6764c36e9",\
			"6634b5ef-7976-3971-9069-cc5b07ff7d95"]}""";

	static final String BATCH_INVALID = """
			{"title":"Invalid request","status":400,\
			"detail":"2 of 3 readings are invalid; none of the batch was accepted",\
			"instance":"/api/weather/readings/batch","errors":[\
			{"field":"[0].humidityPercent","rule":"DecimalMax","message":"must be less than or equal to 100"},\
			{"field":"[2].observedAt","rule":"PastOrPresent","message":"must be a date in the past or in the present"},\
			{"field":"[2].stationId","rule":"Pattern","message":"may only contain letters, digits, '.', '_' and '-'"}]}""";

	static final String UNAUTHORIZED = """
			{"title":"Unauthorized","status":401,\
			"detail":"A valid bearer token is required.","instance":"/api/weather/readings"}""";

	static final String FORBIDDEN = """
			{"title":"Forbidden","status":403,\
			"detail":"The token does not grant the scope this request needs.","instance":"/api/weather/readings"}""";

	static final String BATCH_TOO_LARGE = """
			{"title":"Batch too large","status":413,\
			"detail":"A batch may hold at most 1000 readings, this one holds more; send it in smaller batches",\
			"instance":"/api/weather/readings/batch","maxReadings":1000}""";

	static final String BODY_TOO_LARGE = """
			{"title":"Request body too large","status":413,\
			"detail":"The request body may be at most 2097152 bytes","instance":"/api/weather/readings/batch",\
			"maxBytes":2097152}""";

	static final String UNAVAILABLE = """
			{"title":"Readings not accepted","status":503,\
			"detail":"The broker did not acknowledge the readings in time. Send the same readings again later: \
			they keep their ids, so a reading that did arrive is not counted twice.",\
			"instance":"/api/weather/readings"}""";

	private ReadingExamples() {
	}
}
