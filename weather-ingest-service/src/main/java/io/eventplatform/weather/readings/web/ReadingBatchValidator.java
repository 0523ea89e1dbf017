package io.eventplatform.weather.readings.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import io.eventplatform.support.web.FieldProblem;

/**
 * Validates a batch as a whole, with the same rules as a single reading, so the client learns every broken rule at
 * once, each named by the reading's index in the array ({@code [3].temperatureCelsius}).
 * <p>
 * Done here rather than with {@code @Valid} on the controller's parameter: Spring's method validation would run
 * before the controller can refuse an oversized batch with 413, and would list the errors of every item of it.
 */
@Component
class ReadingBatchValidator {

	private static final Comparator<FieldProblem> BY_FIELD_AND_RULE = Comparator.comparing(FieldProblem::field)
		.thenComparing(FieldProblem::rule);

	private final Validator validator;

	ReadingBatchValidator(Validator validator) {
		this.validator = validator;
	}

	/** @throws InvalidBatchException naming each broken rule of each reading, in the order of the readings */
	void requireValid(List<ReadingRequest> readings) {
		List<FieldProblem> problems = new ArrayList<>();
		int invalidReadings = 0;
		for (int index = 0; index < readings.size(); index++) {
			List<FieldProblem> ofReading = problems(index, readings.get(index));
			if (!ofReading.isEmpty()) {
				invalidReadings++;
				problems.addAll(ofReading);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidBatchException(invalidReadings, readings.size(), problems);
		}
	}

	private List<FieldProblem> problems(int index, ReadingRequest reading) {
		String item = "[" + index + "]";
		if (reading == null) {
			return List.of(new FieldProblem(item, "NotNull", "must not be null"));
		}
		return validator.validate(reading)
			.stream()
			.map(violation -> new FieldProblem(item + "." + violation.getPropertyPath(), rule(violation),
					violation.getMessage()))
			.sorted(BY_FIELD_AND_RULE)
			.toList();
	}

	/** The constraint's simple name, as Spring names the rule of a single reading's field errors. */
	private static String rule(ConstraintViolation<?> violation) {
		return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
	}
}
