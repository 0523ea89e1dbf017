/**
 * The platform's own views: fraud alerts pushed as they happen, weather stations, registrations per country and
 * events per topic per minute, fed by one background consumer of the console's own and the analytics API.
 */
@NullMarked
package io.eventplatform.console.live;

import org.jspecify.annotations.NullMarked;
