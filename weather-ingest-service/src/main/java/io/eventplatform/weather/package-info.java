/** weather-ingest-service: takes station readings and publishes them to {@code weather.readings} once the broker has them. */
package io.eventplatform.weather;
