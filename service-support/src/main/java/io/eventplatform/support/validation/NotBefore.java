package io.eventplatform.support.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The instant is not before {@link #value()}, by default {@link #EARLIEST_EVENT_TIME}, the contract's earliest event
 * time: every consumer can place such an instant (epoch milliseconds, SQL timestamps, stream windows), while an
 * instant such as year -300000000 parses as JSON but cannot be represented downstream. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = NotBeforeValidator.class)
@Target({ METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface NotBefore {

	/** The earliest event time of the contract (its JSON Schemas say the same). */
	String EARLIEST_EVENT_TIME = "2000-01-01T00:00:00Z";

	/** An ISO-8601 instant. */
	String value() default EARLIEST_EVENT_TIME;

	String message() default "must not be before {value}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
