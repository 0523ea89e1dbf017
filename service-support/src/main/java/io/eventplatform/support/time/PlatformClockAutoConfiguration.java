package io.eventplatform.support.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every service one {@link Clock} in UTC. Components take it by injection and never read the wall clock
 * themselves (an architecture test in every module enforces that), so a test replaces this bean with a fixed or
 * movable clock and the whole service follows it, Bean Validation's {@code @PastOrPresent} included.
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformClockProperties.class)
public class PlatformClockAutoConfiguration {

	/** Hibernate Validator's name for the slack its temporal constraints allow, in milliseconds. */
	static final String TEMPORAL_VALIDATION_TOLERANCE = "hibernate.validator.temporal_validation_tolerance";

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ValidationConfigurationCustomizer.class)
	static class ValidationClock {

		/**
		 * {@code @Past}, {@code @PastOrPresent} and {@code @Future} judge against the service's clock, and an instant
		 * up to {@code platform.clock.allowed-skew} ahead of it still counts as present.
		 */
		@Bean
		ValidationConfigurationCustomizer platformValidationClock(Clock clock, PlatformClockProperties properties) {
			return configuration -> configuration.clockProvider(() -> clock)
				.addProperty(TEMPORAL_VALIDATION_TOLERANCE, Long.toString(properties.allowedSkew().toMillis()));
		}

	}

}
