package io.eventplatform.support.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every service one {@link Clock} in UTC. Components take it by injection and never read the wall clock
 * themselves (an architecture test in every module enforces that), so a test replaces this bean with a fixed or
 * movable clock and the whole service follows it, Bean Validation included (the platform's {@code @NotInFuture}
 * and the standard {@code @PastOrPresent} alike).
 */
@AutoConfiguration
public class PlatformClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ValidationConfigurationCustomizer.class)
	static class ValidationClock {

		/** {@code @Past}, {@code @PastOrPresent} and {@code @Future} judge against the service's clock too. */
		@Bean
		ValidationConfigurationCustomizer platformValidationClock(Clock clock) {
			return configuration -> configuration.clockProvider(() -> clock);
		}

	}

}
