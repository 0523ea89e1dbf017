/** The H baseline application: a trivial endpoint on the services' own stack. */
package io.eventplatform.benchmarks.baseline;
