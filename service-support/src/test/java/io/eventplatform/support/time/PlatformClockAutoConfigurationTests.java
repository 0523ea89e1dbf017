package io.eventplatform.support.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class PlatformClockAutoConfigurationTests {

	static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(PlatformClockAutoConfiguration.class, ValidationAutoConfiguration.class))
		.withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC));

	record Observation(@PastOrPresent Instant observedAt) {
	}

	@Test
	void shouldJudgePastOrPresentByTheServicesClockWithFiveMinutesOfSkewByDefault() {
		contexts.run(context -> {
			Validator validator = context.getBean(Validator.class);

			assertThat(validator.validate(new Observation(NOW.plus(Duration.ofMinutes(5))))).isEmpty();
			assertThat(validator.validate(new Observation(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1))))
				.singleElement()
				.satisfies(violation -> assertThat(violation.getPropertyPath()).hasToString("observedAt"));
			assertThat(validator.validate(new Observation(NOW.minus(Duration.ofDays(30))))).isEmpty();
		});
	}

	@Test
	void shouldTakeTheAllowedSkewFromConfiguration() {
		contexts.withPropertyValues("platform.clock.allowed-skew=0s").run(context -> {
			Validator validator = context.getBean(Validator.class);

			assertThat(validator.validate(new Observation(NOW))).isEmpty();
			assertThat(validator.validate(new Observation(NOW.plusSeconds(1)))).hasSize(1);
		});
	}

	@Test
	void shouldLeaveAClockOfTheServiceInPlace() {
		contexts.run(context -> assertThat(context.getBean(Clock.class).instant()).isEqualTo(NOW));
	}
}
