/**
 * The transactional outbox: an event is stored in the business transaction (Spring Modulith's event publication
 * registry) and handed to Kafka after commit; what the broker did not acknowledge is retried until it does.
 */
package io.eventplatform.support.outbox;
