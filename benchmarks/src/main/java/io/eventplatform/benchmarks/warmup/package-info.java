/** Warming a target up until its rate is steady, and how long it took to reach its steady rate. */
@NullMarked
package io.eventplatform.benchmarks.warmup;

import org.jspecify.annotations.NullMarked;
