package io.eventplatform.support.validation;

import java.time.Instant;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class NotBeforeValidator implements ConstraintValidator<NotBefore, Instant> {

	private Instant earliest;

	@Override
	public void initialize(NotBefore constraint) {
		earliest = Instant.parse(constraint.value());
	}

	@Override
	public boolean isValid(Instant value, ConstraintValidatorContext context) {
		return value == null || !value.isBefore(earliest);
	}
}
