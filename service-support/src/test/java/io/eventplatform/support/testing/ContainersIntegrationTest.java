package io.eventplatform.support.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs Docker for its containers ({@link KafkaContainerConfiguration},
 * {@link PostgresContainerConfiguration}). Without Docker it is skipped before its Spring context starts, with one
 * reason that names the tests covering the same behaviour against the embedded broker and PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DockerAvailableCondition.class)
public @interface ContainersIntegrationTest {

	/** The test classes that cover the same behaviour without Docker, for the reason given when skipped. */
	Class<?>[] coveredWithoutDockerBy();

	/** What those tests run against instead of the containers. */
	String against() default "the embedded KRaft broker and PostgreSQL (embedded, no Docker)";
}
