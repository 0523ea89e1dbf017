/** {@code GET /api/analytics/alerts/fraud}. */
package io.eventplatform.analytics.fraud.web;
