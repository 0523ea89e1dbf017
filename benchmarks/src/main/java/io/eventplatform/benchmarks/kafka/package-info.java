/** Kafka's own performance tools, a direct producer for backlogs, and the consumer groups' committed offsets. */
@NullMarked
package io.eventplatform.benchmarks.kafka;

import org.jspecify.annotations.NullMarked;
