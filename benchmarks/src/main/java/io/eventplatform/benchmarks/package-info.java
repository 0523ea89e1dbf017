/** The benchmark harness: one command that measures the platform and writes the report. */
@NullMarked
package io.eventplatform.benchmarks;

import org.jspecify.annotations.NullMarked;
