/**
 * The platform's own metrics, read live from its Prometheus: HTTP latency and errors per application, listener
 * errors, publish failures and end-to-end event latency per topic.
 */
@NullMarked
package io.eventplatform.console.metrics;

import org.jspecify.annotations.NullMarked;
