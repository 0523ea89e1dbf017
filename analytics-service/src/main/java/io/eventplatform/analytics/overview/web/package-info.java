/** {@code GET /api/analytics/overview}. */
package io.eventplatform.analytics.overview.web;
