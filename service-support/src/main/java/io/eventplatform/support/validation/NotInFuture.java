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
 * The instant may lie ahead of the service's {@link java.time.Clock} by at most {@link #toleranceMinutes()}: a client's
 * clock may run a little fast, but an event further in the future comes from a broken clock. Combine with
 * {@link NotBefore} for the lower bound and {@code @NotNull}: {@code null} is valid here.
 */
@Documented
@Constraint(validatedBy = NotInFutureValidator.class)
@Target({ METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface NotInFuture {

	long toleranceMinutes() default 0;

	String message() default "must not be more than {toleranceMinutes} minutes in the future";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
