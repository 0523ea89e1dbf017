/**
 * Simulated client traffic through the gateway for {@code ./run.sh --demo}, so the streams have something to carry.
 */
package io.eventplatform.local.demo;
