/** End-to-end latency from a reading's 202 to its effect in each consumer, and the consumers' catch-up rate. */
@NullMarked
package io.eventplatform.benchmarks.latency;

import org.jspecify.annotations.NullMarked;
