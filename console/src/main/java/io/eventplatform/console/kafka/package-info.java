/** The console's own Kafka clients: one admin client, bounded short-lived readers, and the redrive producer. */
@NullMarked
package io.eventplatform.console.kafka;

import org.jspecify.annotations.NullMarked;
