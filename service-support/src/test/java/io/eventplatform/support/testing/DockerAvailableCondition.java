package io.eventplatform.support.testing;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Enables a {@link ContainersIntegrationTest} only where Testcontainers finds a Docker environment. Hand-written
 * rather than {@code @Testcontainers(disabledWithoutDocker = true)}, whose reason cannot say what covers the test
 * instead.
 */
class DockerAvailableCondition implements ExecutionCondition {

	private static final Logger log = LoggerFactory.getLogger(DockerAvailableCondition.class);

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (DockerClientFactory.instance().isDockerAvailable()) {
			return ConditionEvaluationResult.enabled("Docker is available");
		}
		String reason = context.getTestClass()
			.flatMap(type -> AnnotationSupport.findAnnotation(type, ContainersIntegrationTest.class))
			.map(test -> "Docker is not available: the same behaviour is covered by "
					+ Arrays.stream(test.coveredWithoutDockerBy()).map(Class::getSimpleName)
						.collect(Collectors.joining(", "))
					+ " against " + test.against())
			.orElse("Docker is not available");
		// Surefire's console shows only "Skipped: 1"; the reason goes to the test output too.
		log.warn("{} skipped. {}", context.getDisplayName(), reason);
		return ConditionEvaluationResult.disabled(reason);
	}
}
