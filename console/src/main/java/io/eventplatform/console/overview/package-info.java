/** The live overview: every part's readiness, the brokers, every topic with its partitions, size and produce rate. */
@NullMarked
package io.eventplatform.console.overview;

import org.jspecify.annotations.NullMarked;
