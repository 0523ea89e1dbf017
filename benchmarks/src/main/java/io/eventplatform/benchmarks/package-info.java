/** The benchmark harness: one command that measures the platform and writes the report. */
package io.eventplatform.benchmarks;
