/** weather-ingest-service: takes station readings and publishes them to {@code weather.readings} once the broker has them. */
@NullMarked
package io.eventplatform.weather;

import org.jspecify.annotations.NullMarked;
