package io.eventplatform.transactions.ledger.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Accepts an amount only as a JSON string ({@code "12.50"}): a JSON number may already have lost precision in the
 * client's floating-point arithmetic, so it is refused rather than converted.
 */
class DecimalString extends ValueDeserializer<String> {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() != JsonToken.VALUE_STRING) {
			return (String) context.handleUnexpectedToken(String.class, parser);
		}
		return parser.getString();
	}
}
