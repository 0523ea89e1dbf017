/**
 * Station readings: each gets an id derived from its station and observation time, and is accepted only once the
 * broker acknowledged it on {@code weather.readings}, within a bound after which the service answers 503.
 */
@NullMarked
package io.eventplatform.weather.readings;

import org.jspecify.annotations.NullMarked;
