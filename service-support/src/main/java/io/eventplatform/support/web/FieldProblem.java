package io.eventplatform.support.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One broken rule of one field, an entry of the {@code errors} list of a 400 problem detail: every service answers
 * invalid input in this shape, so a client can show each message next to its field. A list item is named by its
 * index, as in {@code [3].temperatureCelsius}.
 *
 * @param field the field, parameter or header, or {@code null} for a rule of the whole object
 * @param rule the rule it broke: the constraint's name (e.g. {@code DecimalMax}), or {@code format}
 * @param message what is wrong, for people
 */
@Schema(name = "FieldProblem", description = "One broken rule of one field")
public record FieldProblem(@Schema(example = "temperatureCelsius") @Nullable String field,
		@Schema(example = "DecimalMax") String rule,
		@Schema(example = "must be less than or equal to 60") String message) {
}
