/** {@code GET /api/analytics/accounts/{accountId}} and {@code GET /api/analytics/overview/transactions}. */
@NullMarked
package io.eventplatform.analytics.transactions.web;

import org.jspecify.annotations.NullMarked;
