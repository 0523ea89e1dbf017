package io.eventplatform.support.kafka.replay;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The replay tests' one context and broker ({@link ReplayTestApplication}): the test classes share them, as Spring's
 * test context cache keeps one context per configuration. Short timeouts, so a refused replay answers in seconds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ReplayTestApplication.class, properties = { ReplayIntegrationTest.APPLICATION_NAME,
		ReplayIntegrationTest.CONSUMES, ReplayIntegrationTest.PRODUCES, ReplayIntegrationTest.PATH,
		ReplayIntegrationTest.EMPTY_GROUP_TIMEOUT, ReplayIntegrationTest.PAUSE_DEADLINE,
		ReplayIntegrationTest.DATASOURCE })
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@interface ReplayIntegrationTest {

	String APPLICATION_NAME = "spring.application.name=replay-test";

	String CONSUMES = "platform.kafka.consumes=users.registered";

	String PRODUCES = "platform.kafka.produces=users.registered";

	String PATH = "platform.kafka.replay.path=/api/test/admin/replay";

	String EMPTY_GROUP_TIMEOUT = "platform.kafka.replay.empty-group-timeout=4s";

	String PAUSE_DEADLINE = "platform.kafka.replay.pause-deadline=30s";

	String DATASOURCE = "spring.datasource.url=jdbc:h2:mem:replay;DB_CLOSE_DELAY=-1";

	/** The same service, as a second instance started beside the test's context. */
	String[] PROPERTIES = { APPLICATION_NAME, CONSUMES, PRODUCES, PATH, EMPTY_GROUP_TIMEOUT, PAUSE_DEADLINE, DATASOURCE };
}
