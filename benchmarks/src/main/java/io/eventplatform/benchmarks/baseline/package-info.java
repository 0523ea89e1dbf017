/** The H baseline application: a trivial endpoint on the services' own stack. */
@NullMarked
package io.eventplatform.benchmarks.baseline;

import org.jspecify.annotations.NullMarked;
