/** End-to-end latency from a reading's 202 to its effect in each consumer, and the consumers' catch-up rate. */
package io.eventplatform.benchmarks.latency;
