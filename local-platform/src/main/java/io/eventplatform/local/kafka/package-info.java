/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), and how to tell it is ready.
 */
@NullMarked
package io.eventplatform.local.kafka;

import org.jspecify.annotations.NullMarked;
