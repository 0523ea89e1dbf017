/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), and how to tell it is ready.
 */
package io.eventplatform.local.kafka;
