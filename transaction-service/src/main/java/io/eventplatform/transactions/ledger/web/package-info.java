/** The transactions API: record with an {@code Idempotency-Key}, read one, list an account's, paged. */
package io.eventplatform.transactions.ledger.web;
