/** transaction-service: records bank transactions and publishes them to {@code transactions.recorded} through an outbox. */
@NullMarked
package io.eventplatform.transactions;

import org.jspecify.annotations.NullMarked;
