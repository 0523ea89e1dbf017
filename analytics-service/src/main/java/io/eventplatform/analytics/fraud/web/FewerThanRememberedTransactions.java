package io.eventplatform.analytics.fraud.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

import io.eventplatform.analytics.fraud.FraudRulesQueries;

/**
 * Fewer than {@code platform.analytics.fraud.max-remembered-transactions}: an account's history must hold one more
 * transaction than the velocity rule allows, or the rule could never fire. A bound from configuration, so no
 * {@code @Max}.
 */
@Documented
@Constraint(validatedBy = FewerThanRememberedTransactions.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface FewerThanRememberedTransactions {

	String message() default "must be less than max-remembered-transactions";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Created by Spring's validator factory, hence the injected bound. */
	class Validator implements ConstraintValidator<FewerThanRememberedTransactions, Integer> {

		private final int max;

		Validator(FraudRulesQueries rules) {
			this.max = rules.maxRememberedTransactions();
		}

		@Override
		public boolean isValid(@Nullable Integer value, ConstraintValidatorContext context) {
			if (value == null || value < max) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("must be less than max-remembered-transactions (" + max + ")")
				.addConstraintViolation();
			return false;
		}
	}
}
