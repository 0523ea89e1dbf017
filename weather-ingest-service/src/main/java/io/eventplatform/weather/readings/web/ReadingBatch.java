package io.eventplatform.weather.readings.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.boot.jackson.JacksonComponent;

import io.eventplatform.weather.readings.WeatherIngestProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * The body of {@code POST /api/weather/readings/batch}: a JSON array of readings ({@code null} items kept, so that the
 * validator names them).
 *
 * @param readings in the order they were sent
 */
record ReadingBatch(List<ReadingRequest> readings) {

	ReadingBatch {
		readings = Collections.unmodifiableList(readings);
	}

	/**
	 * Reads the array one reading at a time and stops at the first reading beyond
	 * {@code platform.weather.max-batch-readings} with 413, without reading the rest: a body within the size limit can
	 * still hold hundreds of thousands of tiny items, and turning them all into objects first only to count them costs
	 * a second of CPU and tens of MB.
	 */
	@JacksonComponent
	static class Deserializer extends ValueDeserializer<ReadingBatch> {

		private final int maxReadings;

		Deserializer(WeatherIngestProperties properties) {
			this.maxReadings = properties.maxBatchReadings();
		}

		@Override
		public ReadingBatch deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.isExpectedStartArrayToken()) {
				return (ReadingBatch) context.handleUnexpectedToken(ReadingBatch.class, parser);
			}
			ValueDeserializer<Object> reading = context
				.findRootValueDeserializer(context.constructType(ReadingRequest.class));
			List<ReadingRequest> readings = new ArrayList<>();
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				if (readings.size() == maxReadings) {
					throw new BatchTooLargeException(maxReadings);
				}
				try {
					readings.add(token == JsonToken.VALUE_NULL ? null : (ReadingRequest) reading.deserialize(parser, context));
				}
				catch (JacksonException ex) {
					// Named by its index, as Jackson's own list reading would: [3].temperatureCelsius
					throw JacksonException.wrapWithPath(ex, readings, readings.size());
				}
			}
			return new ReadingBatch(readings);
		}

	}

}
