/**
 * {@code benchmarks/run.sh codec}: the cost per event of event-contract's CloudEvents header codec against the
 * CloudEvents SDK's Kafka binding, measured with JMH.
 */
@NullMarked
package io.eventplatform.benchmarks.codec;

import org.jspecify.annotations.NullMarked;
