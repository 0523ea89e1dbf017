/** transaction-service: records bank transactions and publishes them to {@code transactions.recorded} through an outbox. */
package io.eventplatform.transactions;
