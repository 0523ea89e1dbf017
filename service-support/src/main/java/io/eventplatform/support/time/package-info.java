/**
 * The one source of "now" for a service: a {@link java.time.Clock} bean every component takes by injection, so a
 * test pins time instead of racing the calendar.
 */
@NullMarked
package io.eventplatform.support.time;

import org.jspecify.annotations.NullMarked;
