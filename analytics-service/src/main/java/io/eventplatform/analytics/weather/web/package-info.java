/** {@code GET /api/analytics/stations/{stationId}} and {@code GET /api/analytics/alerts/weather}. */
@NullMarked
package io.eventplatform.analytics.weather.web;

import org.jspecify.annotations.NullMarked;
