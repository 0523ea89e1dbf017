/**
 * Simulated client traffic through the gateway for {@code ./run.sh --demo}, so the streams have something to carry.
 */
@NullMarked
package io.eventplatform.local.demo;

import org.jspecify.annotations.NullMarked;
