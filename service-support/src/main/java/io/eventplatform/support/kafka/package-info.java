/**
 * Kafka as every service uses it: topics declared from the contract's registry, events published with their
 * CloudEvents headers, and one error handler that retries with a bounded back-off and sets aside what still fails.
 */
@NullMarked
package io.eventplatform.support.kafka;

import org.jspecify.annotations.NullMarked;
