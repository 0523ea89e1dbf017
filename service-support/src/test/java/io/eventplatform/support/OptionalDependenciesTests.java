package io.eventplatform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Clock;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import io.eventplatform.support.kafka.EventPublisher;
import io.eventplatform.support.kafka.replay.ConsumerGroupReplay;
import io.eventplatform.support.outbox.Outbox;
import io.eventplatform.support.security.VerifiedTokenCache;

/**
 * The library's optional dependencies are optional: a service that leaves one out still starts, and only the part that
 * needs it backs off. Every auto-configuration on the class path runs, Spring Boot's too, as in a service, and a
 * dependency is taken away from all of them as leaving it out of the pom would.
 */
class OptionalDependenciesTests {

	// Each optional dependency, by the jars it and its Spring Boot auto-configuration come in.
	private static final String[] KAFKA = { "spring-kafka-", "spring-boot-kafka-" };

	private static final String[] SECURITY = { "spring-security-", "spring-boot-security-" };

	private static final String[] ACTUATOR = { "spring-boot-actuator-", "spring-boot-health-" };

	private static final String[] SPRINGDOC = { "springdoc-openapi-", "swagger-" };

	private static final String[] CAFFEINE = { "caffeine-" };

	private static final String[] TRACING = { "micrometer-tracing-", "spring-boot-micrometer-tracing-", "opentelemetry-" };

	private static final String[] JDBC = { "spring-jdbc-", "spring-boot-jdbc-" };

	private static final String[] FLYWAY = { "flyway-", "spring-boot-flyway-" };

	// The servlet API stays: in Tomcat's jar here, in another server's elsewhere.
	private static final String[] TOMCAT = { "spring-boot-tomcat-", "org.apache.catalina.", "org.apache.coyote.",
			"org.apache.tomcat." };

	private static final String[] WEB = { "spring-webmvc-", "spring-boot-webmvc-" };

	private static final String[] VALIDATION = { "jakarta.validation-api-", "hibernate-validator-",
			"spring-boot-validation-" };

	private static final String[] METRICS = { "micrometer-core-", "micrometer-registry-",
			"spring-boot-micrometer-metrics-" };

	private final WebApplicationContextRunner service = new WebApplicationContextRunner()
		.withUserConfiguration(AService.class)
		.withPropertyValues("spring.application.name=optional-dependencies-test",
				"spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.auto-create=false",
				"platform.security.issuer-uri=http://127.0.0.1:9", "platform.kafka.produces=users.registered",
				"platform.kafka.replay.path=/api/test/admin/replay", "platform.outbox.enabled=true",
				"spring.datasource.url=jdbc:h2:mem:optional-dependencies;DB_CLOSE_DELAY=-1",
				"management.otlp.tracing.export.enabled=false");

	@Test
	void shouldConfigureEveryPartWhenEveryDependencyIsThere() {
		service.run(context -> assertThat(context).hasNotFailed()
			.hasSingleBean(EventPublisher.class)
			.hasSingleBean(DefaultErrorHandler.class)
			.hasBean("kafkaHealthIndicator")
			.hasSingleBean(ConsumerGroupReplay.class)
			.hasSingleBean(Outbox.class)
			.hasBean("platformTokenFlow")
			.hasBean("problemDetailsErrorReport")
			.hasBean("platformSecurityFilterChain")
			.getBean(JwtDecoder.class)
			.isInstanceOf(VerifiedTokenCache.class));
	}

	@Test
	void shouldServeWithoutKafka() {
		service.withClassLoader(without(KAFKA))
			.run(context -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventPublisher.class)
				.doesNotHaveBean(ConsumerGroupReplay.class)
				.doesNotHaveBean(Outbox.class)
				.hasBean("platformSecurityFilterChain"));
	}

	@Test
	void shouldPublishWithoutTheActuatorsHealth() {
		service.withClassLoader(without(ACTUATOR))
			.run(context -> assertThat(context).hasNotFailed()
				.hasSingleBean(EventPublisher.class)
				.hasSingleBean(Outbox.class)
				.doesNotHaveBean(HealthIndicator.class));
	}

	@Test
	void shouldLeaveSecurityAndWhatNeedsItOutWithoutSpringSecurity() {
		service.withClassLoader(without(SECURITY))
			.run(context -> assertThat(context).hasNotFailed()
				.hasSingleBean(EventPublisher.class)
				.doesNotHaveBean(SecurityFilterChain.class)
				// An admin endpoint is never served unguarded, and the API description names no token flow.
				.doesNotHaveBean(ConsumerGroupReplay.class)
				.doesNotHaveBean("platformTokenFlow")
				.hasBean("requestBodyLimitFilter"));
	}

	@Test
	void shouldVerifyEveryTokenWithoutCaffeine() {
		service.withClassLoader(without(CAFFEINE))
			.run(context -> assertThat(context).hasNotFailed()
				.getBean(JwtDecoder.class)
				.isNotInstanceOf(VerifiedTokenCache.class));
	}

	@Test
	void shouldDescribeNoTokenFlowWithoutSpringdoc() {
		service.withClassLoader(without(SPRINGDOC))
			.run(context -> assertThat(context).hasNotFailed()
				.hasBean("platformSecurityFilterChain")
				.doesNotHaveBean("platformTokenFlow"));
	}

	@Test
	void shouldRelayTheOutboxWithoutTracing() {
		service.withClassLoader(without(TRACING))
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(Outbox.class));
	}

	@Test
	void shouldHaveNoOutboxWithoutJdbcOrFlyway() {
		service.withClassLoader(without(FLYWAY))
			.run(context -> assertThat(context).hasNotFailed()
				.hasSingleBean(DataSource.class)
				.doesNotHaveBean(Outbox.class));
		service.withClassLoader(without(JDBC))
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Outbox.class));
	}

	@Test
	void shouldWriteNoTomcatErrorReportOnAnotherServer() {
		service.withClassLoader(without(TOMCAT))
			.run(context -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("problemDetailsErrorReport")
				.hasBean("requestBodyLimitFilter"));
	}

	@Test
	void shouldGiveAServiceWithNoneOfThemItsClock() {
		new ApplicationContextRunner().withUserConfiguration(AService.class)
			.withClassLoader(without(KAFKA, SECURITY, ACTUATOR, SPRINGDOC, CAFFEINE, TRACING, JDBC, FLYWAY, TOMCAT, WEB,
					VALIDATION, METRICS))
			.withPropertyValues("platform.kafka.produces=users.registered", "platform.outbox.enabled=true")
			.run(context -> assertThat(context).hasNotFailed()
				.hasSingleBean(Clock.class)
				.doesNotHaveBean(WebServerFactoryCustomizer.class)
				.doesNotHaveBean(EventPublisher.class)
				.doesNotHaveBean(Outbox.class));
	}

	/**
	 * A class path without the given jars (or packages): neither their classes nor their resources (such as the auto-configurations
	 * they list) can be found, as if the service's pom left them out. Spring Boot's {@code FilteredClassLoader} hides
	 * classes only, and defines proxies where package-private classes cannot be reached.
	 */
	@SafeVarargs
	private static ClassLoader without(String[]... dependencies) {
		// A name ending in a dot is a package; any other is the start of a jar's file name.
		List<String> packages = Stream.of(dependencies).flatMap(Stream::of).filter(name -> name.endsWith(".")).toList();
		List<String> jars = Stream.of(dependencies)
			.flatMap(Stream::of)
			.filter(name -> !name.endsWith("."))
			.map(jar -> "/" + jar)
			.toList();
		return new ClassLoader(OptionalDependenciesTests.class.getClassLoader()) {

			@Override
			protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
				URL file = getParent().getResource(name.replace('.', '/') + ".class");
				if (packages.stream().anyMatch(name::startsWith) || file != null && hidden(file)) {
					throw new ClassNotFoundException(name);
				}
				return super.loadClass(name, resolve);
			}

			@Override
			public URL getResource(String name) {
				Enumeration<URL> found = getResources(name);
				return found.hasMoreElements() ? found.nextElement() : null;
			}

			@Override
			public Enumeration<URL> getResources(String name) {
				try {
					return Collections.enumeration(Collections.list(getParent().getResources(name))
						.stream()
						.filter(url -> !hidden(url))
						.toList());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

			private boolean hidden(URL url) {
				String path = url.getPath();
				return jars.stream().anyMatch(path::contains);
			}
		};
	}

	/** A service: it takes every auto-configuration on its class path, Spring Boot's and the library's. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class AService {
	}
}
