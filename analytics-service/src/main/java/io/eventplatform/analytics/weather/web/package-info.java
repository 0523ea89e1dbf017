/** {@code GET /api/analytics/stations/{stationId}} and {@code GET /api/analytics/alerts/weather}. */
package io.eventplatform.analytics.weather.web;
