package io.eventplatform.weather.readings.web;

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
 * The instant may lie ahead of the service's clock by at most {@link #toleranceMinutes()}: a station's clock may run a
 * little fast, but a reading further in the future comes from a broken clock. Past instants of any age are valid
 * (late readings are accepted). {@code null} is valid; combine with {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = NotInFutureValidator.class)
@Target({ METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
@interface NotInFuture {

	long toleranceMinutes() default 0;

	String message() default "must not be more than {toleranceMinutes} minutes in the future";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
