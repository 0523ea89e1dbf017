/**
 * The ledger of recorded bank transactions. Recording stores the transaction, the client's idempotency key and the
 * {@code TransactionRecorded} event in one database transaction.
 */
@NullMarked
package io.eventplatform.transactions.ledger;

import org.jspecify.annotations.NullMarked;
