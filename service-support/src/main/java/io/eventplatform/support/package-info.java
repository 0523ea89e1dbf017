/**
 * What every service of the platform needs, written once: Kafka serialisation, topics and error handling, JWT
 * validation, problem details and health. Services get it by depending on this module (Spring Boot auto-configuration).
 */
@NullMarked
package io.eventplatform.support;

import org.jspecify.annotations.NullMarked;
