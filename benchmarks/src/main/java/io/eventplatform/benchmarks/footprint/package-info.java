/** Resident memory of the platform's processes, read from {@code /proc}. */
package io.eventplatform.benchmarks.footprint;
