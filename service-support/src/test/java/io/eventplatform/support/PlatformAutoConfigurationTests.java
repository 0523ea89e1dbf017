package io.eventplatform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import io.eventplatform.support.kafka.ErrorHandlerCustomizer;
import io.eventplatform.support.kafka.replay.ConsumerGroupReplay;
import io.eventplatform.support.outbox.Outbox;
import io.eventplatform.support.time.PlatformClockAutoConfiguration;

/** The conditions of the library's auto-configurations, as Spring Boot tests its own. */
class PlatformAutoConfigurationTests {

	private static final AutoConfigurations KAFKA = AutoConfigurations.of(PlatformClockAutoConfiguration.class,
			KafkaAutoConfiguration.class, autoConfiguration("kafka.PlatformKafkaAutoConfiguration"));

	private final ApplicationContextRunner kafka = new ApplicationContextRunner().withConfiguration(KAFKA)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("spring.application.name=auto-configuration-test",
				"spring.kafka.bootstrap-servers=127.0.0.1:9");

	@Nested
	class TheClock {

		private final ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PlatformClockAutoConfiguration.class));

		@Test
		void shouldBeTheSystemClockInUtc() {
			runner.run(context -> assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC()));
		}

		@Test
		void shouldBeTheServicesOwnWhenItDeclaresOne() {
			Clock fixed = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
			runner.withBean(Clock.class, () -> fixed)
				.run(context -> assertThat(context).getBean(Clock.class).isSameAs(fixed));
		}
	}

	@Nested
	class TheErrorHandler {

		@Test
		void shouldBeChangedByEveryCustomizerOfTheService() {
			AtomicReference<DefaultErrorHandler> customized = new AtomicReference<>();
			kafka.withBean(ErrorHandlerCustomizer.class, () -> customized::set)
				.run(context -> assertThat(customized.get()).isNotNull()
					.isSameAs(context.getBean(DefaultErrorHandler.class)));
		}

		@Test
		void shouldGiveWayToTheServicesOwn() {
			DefaultErrorHandler own = new DefaultErrorHandler(new FixedBackOff(0, 0));
			kafka.withBean(DefaultErrorHandler.class, () -> own)
				.run(context -> assertThat(context).getBean(DefaultErrorHandler.class).isSameAs(own));
		}
	}

	@Nested
	class TheOutbox {

		private final ApplicationContextRunner runner = kafka
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class,
					autoConfiguration("outbox.OutboxAutoConfiguration")))
			.withPropertyValues("platform.kafka.produces=users.registered", "spring.kafka.admin.auto-create=false");

		@Test
		void shouldBeOffUnlessTheServiceAsksForIt() {
			runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:outbox-off")
				.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Outbox.class));
		}

		@Test
		void shouldStoreEventsInTheServicesDatabaseWhenAskedFor() {
			runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:outbox-on", "platform.outbox.enabled=true")
				.run(context -> assertThat(context).hasSingleBean(Outbox.class));
		}

		@Test
		void shouldNeedADatabase() {
			kafka.withConfiguration(AutoConfigurations.of(autoConfiguration("outbox.OutboxAutoConfiguration")))
				.withPropertyValues("platform.outbox.enabled=true")
				.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Outbox.class));
		}
	}

	@Nested
	class TheReplayEndpoint {

		private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(KAFKA)
			.withConfiguration(AutoConfigurations.of(autoConfiguration("kafka.replay.ReplayAutoConfiguration")))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			// No broker here: the replay-control topic it declares is not created (KafkaAdmin would wait 30 s for it).
			.withPropertyValues("spring.application.name=auto-configuration-test",
					"spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.auto-create=false");

		@Test
		void shouldExistOnlyWhereTheServiceNamesItsPath() {
			runner.run(context -> assertThat(context).doesNotHaveBean(ConsumerGroupReplay.class));
			runner.withPropertyValues("platform.kafka.replay.path=/api/test/admin/replay")
				.run(context -> assertThat(context).hasSingleBean(ConsumerGroupReplay.class));
		}
	}

	/** The library's auto-configurations are package-private, as Boot's are not meant to be referenced. */
	private static Class<?> autoConfiguration(String name) {
		try {
			return Class.forName("io.eventplatform.support." + name);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
