package io.eventplatform.support.time;

import java.time.Clock;

import org.hibernate.validator.HibernateValidatorConfiguration;

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
 * movable clock and the whole service follows it, Bean Validation's {@code @PastOrPresent} and friends included.
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformTimeProperties.class)
public class PlatformClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ValidationConfigurationCustomizer.class, HibernateValidatorConfiguration.class })
	static class ValidationClock {

		/**
		 * {@code @Past}, {@code @PastOrPresent}, {@code @Future} judge against the service's clock, and tolerate
		 * {@code platform.time.tolerated-drift} of a client's clock running ahead.
		 */
		@Bean
		ValidationConfigurationCustomizer platformValidationClock(Clock clock, PlatformTimeProperties time) {
			return configuration -> {
				configuration.clockProvider(() -> clock);
				configuration.addProperty(HibernateValidatorConfiguration.TEMPORAL_VALIDATION_TOLERANCE,
						Long.toString(time.toleratedDrift().toMillis()));
			};
		}

	}

}
