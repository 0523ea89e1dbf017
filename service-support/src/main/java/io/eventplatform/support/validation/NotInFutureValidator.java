package io.eventplatform.support.validation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Created by Spring's constraint validator factory, so it uses the application's {@link Clock}. */
class NotInFutureValidator implements ConstraintValidator<NotInFuture, Instant> {

	private final Clock clock;

	private Duration tolerance = Duration.ZERO;

	NotInFutureValidator(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void initialize(NotInFuture constraint) {
		tolerance = Duration.ofMinutes(constraint.toleranceMinutes());
	}

	@Override
	public boolean isValid(Instant value, ConstraintValidatorContext context) {
		return value == null || !value.isAfter(clock.instant().plus(tolerance));
	}
}
