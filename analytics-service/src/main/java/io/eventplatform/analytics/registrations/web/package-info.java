/** {@code GET /api/analytics/registrations}. */
package io.eventplatform.analytics.registrations.web;
