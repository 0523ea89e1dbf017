package io.eventplatform.support.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Exactly one of the named components of a record is given (not {@code null}). The violation names a field, so a
 * client can show it next to it: the first component when none is given, else each given one after the first.
 * <p>
 * Hand-written: Bean Validation and Hibernate Validator have no such cross-field rule (only {@code @ScriptAssert},
 * which needs a script engine and names no field).
 */
@Documented
@Constraint(validatedBy = ExactlyOneOfValidator.class)
@Target({ TYPE, ANNOTATION_TYPE })
@Retention(RUNTIME)
public @interface ExactlyOneOf {

	/** The record components, in the order the message names them. */
	String[] value();

	String message() default "give exactly one of {value}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
