/**
 * The readings API: {@code POST /api/weather/readings} and {@code POST /api/weather/readings/batch}, their validation,
 * size limits and OpenAPI description.
 */
package io.eventplatform.weather.readings.web;
