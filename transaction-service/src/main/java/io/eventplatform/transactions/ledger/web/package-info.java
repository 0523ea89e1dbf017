/** The transactions API: record with an {@code Idempotency-Key}, read one, list an account's, paged. */
@NullMarked
package io.eventplatform.transactions.ledger.web;

import org.jspecify.annotations.NullMarked;
