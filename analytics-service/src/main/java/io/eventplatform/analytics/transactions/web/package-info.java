/** {@code GET /api/analytics/accounts/{accountId}} and {@code GET /api/analytics/overview/transactions}. */
package io.eventplatform.analytics.transactions.web;
