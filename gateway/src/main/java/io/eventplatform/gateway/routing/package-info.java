/**
 * Forwards API calls unchanged to the service that owns the path and turns an unreachable or slow service into a problem response.
 */
@NullMarked
package io.eventplatform.gateway.routing;

import org.jspecify.annotations.NullMarked;
