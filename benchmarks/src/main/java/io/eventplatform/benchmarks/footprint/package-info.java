/** Resident memory of the platform's processes, read from {@code /proc}. */
@NullMarked
package io.eventplatform.benchmarks.footprint;

import org.jspecify.annotations.NullMarked;
