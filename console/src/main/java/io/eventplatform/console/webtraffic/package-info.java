/**
 * Web traffic: the gateway's calls per route as analytics-service aggregates them (busiest routes, a route's series,
 * error share over time), read through the gateway with the console's token. Viewers and operators both see it; it
 * holds no personal data.
 */
@NullMarked
package io.eventplatform.console.webtraffic;

import org.jspecify.annotations.NullMarked;
