/** The figures of a run, their medians, spreads and targets, written as Markdown and JSON. */
package io.eventplatform.benchmarks.report;
