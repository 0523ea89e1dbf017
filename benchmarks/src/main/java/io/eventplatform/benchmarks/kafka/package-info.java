/** Kafka's own performance tools, a direct producer for backlogs, and the consumer groups' committed offsets. */
package io.eventplatform.benchmarks.kafka;
