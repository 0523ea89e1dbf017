/**
 * How events are written to and read from Kafka: CloudEvents 1.0 binary mode, JSON data. Producers and consumers of
 * every service, and the Kafka Streams serdes, use these classes, so headers are written and read one way only.
 */
@NullMarked
package io.eventplatform.contract.kafka;

import org.jspecify.annotations.NullMarked;
