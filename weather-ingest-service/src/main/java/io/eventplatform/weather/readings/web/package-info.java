/**
 * The readings API: {@code POST /api/weather/readings} and {@code POST /api/weather/readings/batch}, their validation,
 * size limits and OpenAPI description.
 */
@NullMarked
package io.eventplatform.weather.readings.web;

import org.jspecify.annotations.NullMarked;
