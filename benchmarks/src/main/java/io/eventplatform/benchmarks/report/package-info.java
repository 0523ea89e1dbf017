/** The figures of a run, their medians, spreads and targets, written as Markdown and JSON. */
@NullMarked
package io.eventplatform.benchmarks.report;

import org.jspecify.annotations.NullMarked;
